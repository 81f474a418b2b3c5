package dev.cutpoint.drive;

/** Told of a run's progress as it goes; the CLI prints progress lines from it. */
public interface MatrixListener {

  MatrixListener NONE = new MatrixListener() {};

  /** A target has started, with the number of cases planned for it and how many run at once. */
  default void targetStarted(String target, String toxiproxy, long plannedCases, int workers) {}

  /**
   * A target's matrix is known, just before its cases start: each cell's applicability, the
   * Toxiproxy (in words and its version), the cases planned and the workers. What a report of an
   * unfinished run needs ({@link FinishedSoFar}).
   */
  default void targetPlanned(TargetPlan plan) {}

  /** A target was asked for but cannot run here, and why (e.g. Breezy is not installed). */
  default void targetSkipped(String target, String reason) {}

  /** A target's cases run in the scheduling class the JVM had, not in their own, and why ({@link Scheduling}). */
  default void schedulingUnchanged(String target, String why) {}

  /** A case has been run and judged. */
  default void caseDone(CaseResult result) {}

  /** A case could not be run. */
  default void caseFailed(HarnessError error) {}

  /** The new violations of a target are about to be replayed: {@code cases} cases, {@code replays} times each. */
  default void confirming(String target, int cases, int replays) {}

  /** A replay of a violating case could not be run (it counts as one that did not reproduce). */
  default void replayFailed(HarnessError error) {}

  /** A violating case has been shrunk to {@code minimal}. */
  default void minimized(CaseResult original, CaseResult minimal) {}
}
