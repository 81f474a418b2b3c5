package dev.cutpoint.drive.breezy;

/**
 * The Python driver failed the harness: it timed out, exited, said something outside its
 * protocol, or a call ran into its safety net. Carries the end of its stderr, where Python puts its tracebacks.
 */
public abstract sealed class DriverFailure extends BreezyException
    permits DriverTimeout, DriverExited, DriverProtocolError, SafetyNetExpired {

  private final String driverLog;

  DriverFailure(String message, String driverLog) {
    super(message + (driverLog.isBlank() ? "" : "; the driver's stderr ends with:\n" + driverLog));
    this.driverLog = driverLog;
  }

  /** The end of the driver's stderr. */
  public String driverLog() {
    return driverLog;
  }
}
