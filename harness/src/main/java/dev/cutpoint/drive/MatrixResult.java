package dev.cutpoint.drive;

import dev.cutpoint.drive.breezy.ExpectedFindings;
import dev.cutpoint.report.InvariantId;
import dev.cutpoint.report.SkippedTarget;
import dev.cutpoint.report.ViolationCount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A whole matrix run: the settings, each target's result, when it started and how long it took, the
 * targets that could not run here and why, and the reviewed findings its violations are compared
 * with (a violation they cover is expected; any other fails the run).
 */
public record MatrixResult(
    MatrixSettings settings,
    List<TargetResult> targets,
    Instant startedAt,
    Duration elapsed,
    List<SkippedTarget> skipped,
    ExpectedFindings expected) {

  public MatrixResult {
    Objects.requireNonNull(settings, "settings");
    targets = List.copyOf(targets);
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(elapsed, "elapsed");
    skipped = List.copyOf(skipped);
    Objects.requireNonNull(expected, "expected");
  }

  public long cases() {
    return targets.stream().mapToLong(t -> t.cases().size()).sum();
  }

  public long violations() {
    return targets.stream().mapToLong(TargetResult::violations).sum();
  }

  /** Violating cases with a violation no reviewed finding covers. */
  public long newViolations() {
    return targets.stream()
        .flatMap(t -> t.cases().stream()
            .filter(c -> c.verdict().violations().stream()
                .anyMatch(v -> expected.covering(t.target(), c.cell(), v.invariant()).isEmpty())))
        .count();
  }

  public long coveredCells() {
    return targets.stream().mapToLong(TargetResult::coveredCells).sum();
  }

  public long applicableCells() {
    return targets.stream().mapToLong(TargetResult::applicableCells).sum();
  }

  public long harnessErrors() {
    return targets.stream().mapToLong(t -> t.errors().size()).sum();
  }

  /** Cases per second over the whole run, starting the targets and shrinking included. */
  public double rate() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds > 0 ? cases() / seconds : 0;
  }

  /** Cases per second while the cases ran: the harness's throughput. */
  public double caseRate() {
    double seconds = targets.stream().mapToLong(t -> t.casesTime().toNanos()).sum() / 1e9;
    return seconds > 0 ? cases() / seconds : 0;
  }

  /** No new violation, every applicable cell covered, no case the harness could not run. */
  public boolean passed() {
    return newViolations() == 0 && covered() && harnessErrors() == 0;
  }

  /**
   * Every applicable cell has its cases; a shard holds a part of each cell's, and its coverage is
   * the merged report's ({@code cutpoint merge}).
   */
  public boolean covered() {
    return !settings.shard().isWhole() || coveredCells() == applicableCells();
  }

  /**
   * The one count of the run's violations, as the report counts them: violating cases, those that
   * reviewed findings cover entirely, and the invariants broken.
   */
  public ViolationCount violationCount() {
    ViolationCount count = ViolationCount.NONE;
    for (TargetResult target : targets) {
      for (CaseResult c : target.cases()) {
        List<InvariantId> broken = c.verdict().violations().stream()
            .map(v -> InvariantId.valueOf(v.invariant().name())).toList();
        boolean covered = c.verdict().violations().stream()
            .allMatch(v -> expected.covering(target.target(), c.cell(), v.invariant()).isPresent());
        count = count.plus(broken, covered);
      }
    }
    return count;
  }

  /**
   * The last line of a run: {@code N cases, V violating cases (I2 in 3, I4 in 5), C/T cells
   * covered}, in the report's unit ({@link ViolationCount#describe}).
   */
  public String summaryLine() {
    return cases() + " cases, " + violationCount().describe() + ", " + (settings.shard().isWhole()
        ? coveredCells() + "/" + applicableCells() + " cells covered"
        : "shard " + settings.shard() + " (coverage is the merged report's: cutpoint merge)");
  }
}
