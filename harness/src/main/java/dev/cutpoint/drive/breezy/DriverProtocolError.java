package dev.cutpoint.drive.breezy;

/**
 * A line from the driver that breaks the JSON-lines protocol, or the driver's own typed refusal
 * of a command ({@code {"reply":"error","type":...}}).
 */
public final class DriverProtocolError extends DriverFailure {

  private final String type;

  DriverProtocolError(String type, String message, String driverLog) {
    super(type + ": " + message, driverLog);
    this.type = type;
  }

  /**
   * What went wrong: the driver's error type ({@code BadCommand}, {@code BadGateReply}, {@code
   * DriverFailure}) or, for a line the Java side could not make sense of, {@code BadReply}.
   */
  public String type() {
    return type;
  }
}
