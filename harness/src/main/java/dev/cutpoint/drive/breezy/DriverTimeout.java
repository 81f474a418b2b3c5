package dev.cutpoint.drive.breezy;

import java.time.Duration;

/**
 * The driver did not answer within the per-call deadline. Its state is unknown, so it has been
 * killed: this is what keeps a stuck Python from hanging the harness.
 */
public final class DriverTimeout extends DriverFailure {

  private final String command;
  private final Duration deadline;

  DriverTimeout(String who, String command, Duration deadline, String driverLog) {
    super(who + " did not answer " + command + " within " + deadline.toMillis() + " ms",
        driverLog);
    this.command = command;
    this.deadline = deadline;
  }

  /** The command it was running. */
  public String command() {
    return command;
  }

  public Duration deadline() {
    return deadline;
  }
}
