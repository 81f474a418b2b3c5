package dev.cutpoint.drive.breezy;

import java.util.OptionalInt;

/** The driver or client command ended (or could not be written to) while the harness needed it. */
public final class DriverExited extends DriverFailure {

  private final OptionalInt exitCode;

  DriverExited(String who, String during, OptionalInt exitCode, String driverLog) {
    super(who + " ended during " + during
        + exitCode.stream().mapToObj(code -> " with status " + code).findFirst().orElse(""),
        driverLog);
    this.exitCode = exitCode;
  }

  /** Its exit status, when it has one yet. */
  public OptionalInt exitCode() {
    return exitCode;
  }
}
