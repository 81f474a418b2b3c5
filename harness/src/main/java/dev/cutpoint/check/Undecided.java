package dev.cutpoint.check;

import java.util.Objects;

/**
 * An invariant the recorded evidence cannot decide for one request — typically on a target
 * without a journal, where the final state is explained both by runs that keep it and by runs
 * that break it — and why.
 */
public record Undecided(Invariant invariant, int requestIndex, String reason) {

  public Undecided {
    Objects.requireNonNull(invariant, "invariant");
    Objects.requireNonNull(reason, "reason");
  }
}
