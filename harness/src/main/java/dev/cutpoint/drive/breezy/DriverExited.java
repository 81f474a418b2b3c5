package dev.cutpoint.drive.breezy;

import java.util.OptionalInt;

/** The driver process ended (or could not be written to) while the harness needed it. */
public final class DriverExited extends DriverFailure {

  private final OptionalInt exitCode;

  DriverExited(String during, OptionalInt exitCode, String driverLog) {
    super("the Breezy driver ended " + during
        + exitCode.stream().mapToObj(code -> " with status " + code).findFirst().orElse(""),
        driverLog);
    this.exitCode = exitCode;
  }

  /** Its exit status, when it has one yet. */
  public OptionalInt exitCode() {
    return exitCode;
  }
}
