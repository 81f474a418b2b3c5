package dev.cutpoint.drive;

import dev.cutpoint.drive.breezy.ExpectedFindings;
import dev.cutpoint.report.SkippedTarget;
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
    return newViolations() == 0 && coveredCells() == applicableCells() && harnessErrors() == 0;
  }

  /**
   * The last line of a run: {@code N cases, V violations, C/T cells covered}, with {@code V
   * violations (E expected)} when reviewed findings cover some.
   */
  public String summaryLine() {
    long expectedCases = violations() - newViolations();
    return cases() + " cases, " + violations() + " violations"
        + (expectedCases > 0 ? " (" + expectedCases + " expected)" : "") + ", " + coveredCells() + "/"
        + applicableCells() + " cells covered";
  }
}
