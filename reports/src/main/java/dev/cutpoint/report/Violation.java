package dev.cutpoint.report;

import java.util.Optional;

/**
 * A broken invariant.
 *
 * @param requestIndex the request it concerns; empty for a case-wide finding (a wrong final state)
 * @param evidence what the oracle saw, in its words
 * @param confirmation how often replays of its case broke the invariant again; empty when the case
 *     was not replayed (an expected finding, {@code --confirm 0}, or a report of schema 1)
 */
public record Violation(
    InvariantId invariant, Optional<Integer> requestIndex, String evidence, Optional<Confirmation> confirmation) {
  public Violation {
    Checks.present("invariant", invariant);
    requestIndex = Checks.optional(requestIndex);
    requestIndex.ifPresent(i -> Checks.notNegative("requestIndex", i));
    Checks.text("evidence", evidence);
    confirmation = Checks.optional(confirmation);
  }

  /** A violation whose case was not replayed. */
  public Violation(InvariantId invariant, Optional<Integer> requestIndex, String evidence) {
    this(invariant, requestIndex, evidence, Optional.empty());
  }
}
