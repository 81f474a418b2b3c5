package dev.cutpoint.drive.enumeration;

import dev.cutpoint.drive.CaseResult;
import dev.cutpoint.drive.HarnessError;
import dev.cutpoint.drive.MatrixListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cut points of an enumeration that have finished, kept as they finish, so that a run that
 * does not end (Ctrl-C) still has its report: {@link #stop} is the run so far, its cases in the
 * plan's order. Safe to read from another thread (a shutdown hook) while the run goes on; what
 * finishes after {@link #stop} (cases a Ctrl-C tears down) neither counts nor reaches the console.
 */
public final class EnumerationSoFar implements MatrixListener {

  private final MatrixListener next;
  private final List<CaseResult> cases = new ArrayList<>();
  private final List<HarnessError> errors = new ArrayList<>();
  private EnumerationResult planned;
  private long plannedCases;
  private long casesStart;
  private boolean stopped;

  /** @param next told of everything too (the progress lines) */
  public EnumerationSoFar(MatrixListener next) {
    this.next = next;
  }

  /** The run before its first case: {@link Enumeration#run} tells it. */
  public synchronized void planned(EnumerationResult nothingRunYet) {
    planned = nothingRunYet;
  }

  @Override
  public synchronized void schedulingUnchanged(String target, String why) {
    next.schedulingUnchanged(target, why);
  }

  @Override
  public synchronized void targetStarted(String target, String toxiproxy, long plannedCases, int workers) {
    if (stopped) {
      return;
    }
    this.plannedCases = plannedCases;
    this.casesStart = System.nanoTime();
    next.targetStarted(target, toxiproxy, plannedCases, workers);
  }

  @Override
  public synchronized void caseDone(CaseResult result) {
    if (stopped) {
      return;
    }
    cases.add(result);
    next.caseDone(result);
  }

  @Override
  public synchronized void caseFailed(HarnessError error) {
    if (stopped) {
      return;
    }
    errors.add(error);
    next.caseFailed(error);
  }

  /** Cut points finished (judged or failed) so far. */
  public synchronized long finished() {
    return cases.size() + errors.size();
  }

  /** Cut points the run set out to cut (this shard's). */
  public synchronized long plannedCases() {
    return plannedCases;
  }

  /**
   * The run so far, taken for good: its finished cases in the plan's order; empty when it had not
   * planned its cut points yet (nothing ran).
   */
  public synchronized Optional<EnumerationResult> stop() {
    stopped = true;
    if (planned == null) {
      return Optional.empty();
    }
    Map<String, Integer> place = new HashMap<>();
    List<CutPoint> points = planned.plan().cutPoints();
    for (int i = 0; i < points.size(); i++) {
      place.put(points.get(i).caseId(planned.target()), i);
    }
    List<CaseResult> inOrder = cases.stream()
        .sorted(Comparator.comparingInt(c -> place.getOrDefault(c.id(), Integer.MAX_VALUE))).toList();
    List<HarnessError> errorsInOrder = errors.stream()
        .sorted(Comparator.comparingInt(e -> place.getOrDefault(e.caseId(), Integer.MAX_VALUE))).toList();
    Duration casesTime = casesStart == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - casesStart);
    Duration elapsed = planned.elapsed().plus(casesTime);
    return Optional.of(planned.with(inOrder, errorsInOrder, elapsed, casesTime));
  }
}
