package dev.cutpoint.check;

import java.util.List;
import java.util.Objects;

/**
 * The oracle's judgement of one case: the violations (none means the case passed), what the
 * evidence could not decide, one class per call for the report, and defects of the harness itself
 * — e.g. a planned fault that never fired, which makes the case test nothing.
 */
public record Verdict(
    List<Violation> violations, List<Undecided> undecided, List<CallVerdict> calls, List<String> harnessDefects) {

  public Verdict {
    violations = List.copyOf(Objects.requireNonNull(violations, "violations"));
    undecided = List.copyOf(Objects.requireNonNull(undecided, "undecided"));
    calls = List.copyOf(Objects.requireNonNull(calls, "calls"));
    harnessDefects = List.copyOf(Objects.requireNonNull(harnessDefects, "harnessDefects"));
  }

  /** No invariant was violated. */
  public boolean passed() {
    return violations.isEmpty();
  }

  /** The violations of one invariant. */
  public List<Violation> of(Invariant invariant) {
    return violations.stream().filter(v -> v.invariant() == invariant).toList();
  }
}
