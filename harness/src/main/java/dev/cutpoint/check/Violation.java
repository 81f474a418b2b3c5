package dev.cutpoint.check;

import java.util.Objects;

/** An invariant broken by one request of a case, and the evidence in words. */
public record Violation(Invariant invariant, int requestIndex, String evidence) {

  public Violation {
    Objects.requireNonNull(invariant, "invariant");
    Objects.requireNonNull(evidence, "evidence");
  }
}
