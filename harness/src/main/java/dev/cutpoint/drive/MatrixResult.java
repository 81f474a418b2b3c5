package dev.cutpoint.drive;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A whole matrix run: the settings, each target's result, when it started and how long it took. */
public record MatrixResult(
    MatrixSettings settings, List<TargetResult> targets, Instant startedAt, Duration elapsed) {

  public MatrixResult {
    Objects.requireNonNull(settings, "settings");
    targets = List.copyOf(targets);
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(elapsed, "elapsed");
  }

  public long cases() {
    return targets.stream().mapToLong(t -> t.cases().size()).sum();
  }

  public long violations() {
    return targets.stream().mapToLong(TargetResult::violations).sum();
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

  /** No violation, every applicable cell covered, no case the harness could not run. */
  public boolean passed() {
    return violations() == 0 && coveredCells() == applicableCells() && harnessErrors() == 0;
  }

  /** The last line of a run: {@code N cases, V violations, C/T cells covered}. */
  public String summaryLine() {
    return cases() + " cases, " + violations() + " violations, " + coveredCells() + "/"
        + applicableCells() + " cells covered";
  }
}
