package dev.cutpoint.check;

import java.util.Objects;

/** One call's class for the report. */
public record CallVerdict(int requestIndex, OutcomeClass outcome) {

  public CallVerdict {
    Objects.requireNonNull(outcome, "outcome");
  }
}
