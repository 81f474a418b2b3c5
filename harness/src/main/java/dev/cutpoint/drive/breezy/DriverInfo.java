package dev.cutpoint.drive.breezy;

/**
 * Who answers: the driver's versions and process.
 *
 * @param breezyVersion {@code breezy.__version__}, e.g. {@code 3.3.2}
 * @param pythonVersion e.g. {@code 3.11.2}
 * @param pid the driver's process id
 */
public record DriverInfo(String breezyVersion, String pythonVersion, long pid) {}
