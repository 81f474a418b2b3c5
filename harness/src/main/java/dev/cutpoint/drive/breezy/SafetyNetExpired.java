package dev.cutpoint.drive.breezy;

import java.time.Duration;

/**
 * A call ended on the driver's safety net (its socket timeout) where the harness should have
 * ended it: the harness ends a black-holed call itself (SPEC §5.4), so a call that waited out the
 * net was either black-holed without the harness knowing or slowed down by the machine. Either way
 * the harness failed to run the case; it says nothing about Breezy. The driver is still usable.
 */
public final class SafetyNetExpired extends DriverFailure {

  private final String command;
  private final Duration safetyNet;

  SafetyNetExpired(String command, Duration safetyNet, String driverLog) {
    super(command + " waited out the driver's " + safetyNet.toMillis()
        + " ms safety net: the harness did not end it, so this case could not be run", driverLog);
    this.command = command;
    this.safetyNet = safetyNet;
  }

  /** The call, as {@code call #7 get}. */
  public String command() {
    return command;
  }

  public Duration safetyNet() {
    return safetyNet;
  }
}
