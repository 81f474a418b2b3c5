package dev.cutpoint.drive;

import dev.cutpoint.drive.breezy.ExpectedFindings;
import dev.cutpoint.report.SkippedTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cases of a run that have finished, kept as they finish, so that a run that does not end
 * normally (Ctrl-C, a harness failure, a failure after the cases) still has its report: {@link
 * #result} is the run so far as a {@link MatrixResult}, the cases judged but not yet replayed or
 * shrunk. Safe to read from another thread (a shutdown hook) while the run goes on.
 */
public final class FinishedSoFar implements MatrixListener {

  private final MatrixSettings settings;
  private final Instant startedAt = Instant.now();
  private final long start = System.nanoTime();
  private final Map<String, TargetPlan> plans = new LinkedHashMap<>();
  private final Map<String, List<CaseResult>> cases = new LinkedHashMap<>();
  private final Map<String, List<HarnessError>> errors = new LinkedHashMap<>();
  private final List<SkippedTarget> skipped = new ArrayList<>();
  private final MatrixListener next;
  /** The target whose cases are running: targets run one after the other. */
  private String current;
  /** Set when the run's report is taken early: what still runs (torn down by Ctrl-C) is not the run's. */
  private boolean stopped;

  /** @param next told of everything too (the progress lines) */
  public FinishedSoFar(MatrixSettings settings, MatrixListener next) {
    this.settings = settings;
    this.next = next;
  }

  @Override
  public synchronized void targetPlanned(TargetPlan plan) {
    if (stopped) {
      return;
    }
    current = plan.target();
    plans.put(plan.target(), plan);
    cases.put(plan.target(), new ArrayList<>());
    errors.put(plan.target(), new ArrayList<>());
    next.targetPlanned(plan);
  }

  @Override
  public synchronized void targetStarted(String target, String toxiproxy, long plannedCases, int workers) {
    if (stopped) {
      return;
    }
    next.targetStarted(target, toxiproxy, plannedCases, workers);
  }

  @Override
  public synchronized void targetSkipped(String target, String reason) {
    skipped.add(new SkippedTarget(target, reason));
    next.targetSkipped(target, reason);
  }

  @Override
  public synchronized void caseDone(CaseResult result) {
    if (stopped) {
      return;
    }
    cases.get(current).add(result);
    next.caseDone(result);
  }

  @Override
  public synchronized void caseFailed(HarnessError error) {
    if (stopped) {
      return;
    }
    errors.get(current).add(error);
    next.caseFailed(error);
  }

  @Override
  public synchronized void schedulingUnchanged(String target, String why) {
    next.schedulingUnchanged(target, why);
  }

  @Override
  public synchronized void confirming(String target, int count, int replays) {
    next.confirming(target, count, replays);
  }

  @Override
  public synchronized void replayFailed(HarnessError error) {
    if (stopped) {
      return;
    }
    next.replayFailed(error);
  }

  @Override
  public synchronized void minimized(CaseResult original, CaseResult minimal) {
    next.minimized(original, minimal);
  }

  /**
   * The run so far, taken for good: later events are neither kept nor passed on, so that the
   * cases a Ctrl-C tears down neither count nor fill the console.
   */
  public synchronized MatrixResult stop() {
    stopped = true;
    return result();
  }

  /** Cases finished (judged or failed) so far. */
  public synchronized long finished() {
    return cases.values().stream().mapToLong(List::size).sum()
        + errors.values().stream().mapToLong(List::size).sum();
  }

  /** Cases planned on the targets started so far. */
  public synchronized long planned() {
    return plans.values().stream().mapToLong(TargetPlan::plannedCases).sum();
  }

  /** The run so far, each target started with the cases that finished on it. */
  public synchronized MatrixResult result() {
    List<TargetResult> targets = new ArrayList<>();
    for (TargetPlan plan : plans.values()) {
      targets.add(new TargetResult(plan.target(), plan.toxiproxy(), plan.toxiproxyVersion(), plan.cells(),
          cases.get(plan.target()), errors.get(plan.target()), settings.tries(), Duration.ofNanos(System.nanoTime() - start),
          plan.workers()));
    }
    return new MatrixResult(settings, targets, startedAt, Duration.ofNanos(System.nanoTime() - start), skipped,
        ExpectedFindings.reviewed());
  }
}
