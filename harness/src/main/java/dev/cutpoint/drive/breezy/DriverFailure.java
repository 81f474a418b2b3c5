package dev.cutpoint.drive.breezy;

/**
 * A driver-protocol client (Breezy's driver or the user's client command) failed the harness: it
 * timed out, exited, said something outside its protocol, or a call ran into its safety net. The
 * message is one line and ends with the end of its stderr, where Python puts its tracebacks.
 */
public abstract sealed class DriverFailure extends BreezyException
    permits DriverTimeout, DriverExited, DriverProtocolError, SafetyNetExpired,
        UnsupportedDriverProtocol {

  /** How much of the stderr the one-line message carries. */
  private static final int TAIL_CHARACTERS = 400;

  private final String driverLog;

  DriverFailure(String message, String driverLog) {
    super(message + (driverLog.isBlank() ? "" : "; its stderr ends with: " + oneLine(driverLog)));
    this.driverLog = driverLog;
  }

  /** The end of the driver's stderr. */
  public String driverLog() {
    return driverLog;
  }

  private static String oneLine(String log) {
    String joined = log.strip().replaceAll("\\s*\\R\\s*", " | ");
    return joined.length() <= TAIL_CHARACTERS
        ? joined
        : "…" + joined.substring(joined.length() - TAIL_CHARACTERS);
  }
}
