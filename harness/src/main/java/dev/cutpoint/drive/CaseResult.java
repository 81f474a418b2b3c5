package dev.cutpoint.drive;

import dev.cutpoint.check.Invariant;
import dev.cutpoint.check.Verdict;
import dev.cutpoint.history.CaseRecord;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One case run and judged: its id, the cell it counts in, what was recorded, and the oracle's
 * verdict. {@code minimizedFrom} names the generated case this one was shrunk from; {@code
 * duration} is its wall time (dry run, faulted run, probe, verdict); {@code confirmation} what the
 * replays of a violating case showed, when it was replayed.
 */
public record CaseResult(
    String id,
    MatrixCell cell,
    boolean persistent,
    CaseRecord record,
    Verdict verdict,
    Optional<String> minimizedFrom,
    Duration duration,
    Optional<Confirmation> confirmation) {

  public CaseResult {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(cell, "cell");
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(minimizedFrom, "minimizedFrom");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(confirmation, "confirmation");
  }

  public boolean violated() {
    return !verdict.passed();
  }

  /** The first invariant broken, which the minimizer keeps broken. */
  public Optional<Invariant> firstViolated() {
    return verdict.violations().stream().map(v -> v.invariant()).findFirst();
  }

  /** Whether the fault fired and the harness saw no defect of its own: the case tested its cell. */
  public boolean tested() {
    return record.injection().fired() && verdict.harnessDefects().isEmpty();
  }

  public CaseResult withConfirmation(Optional<Confirmation> newConfirmation) {
    return new CaseResult(id, cell, persistent, record, verdict, minimizedFrom, duration, newConfirmation);
  }
}
