package dev.cutpoint.drive;

import java.util.Objects;

/** A case the harness could not run (the target failed, the plan did not fit), with the reason. */
public record HarnessError(String caseId, MatrixCell cell, String reason) {

  public HarnessError {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(cell, "cell");
    Objects.requireNonNull(reason, "reason");
  }
}
