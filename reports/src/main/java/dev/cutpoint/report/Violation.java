package dev.cutpoint.report;

import java.util.Optional;

/**
 * A broken invariant.
 *
 * @param requestIndex the request it concerns; empty for a case-wide finding (a wrong final state)
 * @param evidence what the oracle saw, in its words
 */
public record Violation(InvariantId invariant, Optional<Integer> requestIndex, String evidence) {
  public Violation {
    Checks.present("invariant", invariant);
    requestIndex = Checks.optional(requestIndex);
    requestIndex.ifPresent(i -> Checks.notNegative("requestIndex", i));
    Checks.text("evidence", evidence);
  }
}
