package dev.cutpoint.scenarios;

import dev.cutpoint.drive.CaseResult;
import dev.cutpoint.drive.HarnessError;
import dev.cutpoint.drive.MatrixListener;
import dev.cutpoint.report.Outcome;
import dev.cutpoint.report.Progress;
import java.io.PrintStream;

/**
 * The matrix run's progress in Maven's log: a line when a target starts, the report module's
 * progress line every few seconds (cases done, violations, rate, time left), a line when the new
 * violations are replayed, and a line per shrunk counterexample and per case or replay the harness
 * could not run.
 */
final class ProgressLines implements MatrixListener {

  private final PrintStream out;
  private Progress progress;

  ProgressLines(PrintStream out) {
    this.out = out;
  }

  @Override
  public void targetStarted(String target, String toxiproxy, long plannedCases, int workers) {
    finish();
    out.println("target " + target + " through " + toxiproxy + ": " + plannedCases + " cases on " + workers
        + " worker(s)");
    progress = Progress.toStdout(plannedCases);
  }

  @Override
  public void targetSkipped(String target, String reason) {
    finish();
    out.println("skipped target " + target + ": " + reason);
  }

  @Override
  public void caseDone(CaseResult result) {
    progress.caseDone(result.violated() ? Outcome.VIOLATION : result.tested() ? Outcome.FIRST_TRY : Outcome.UNDECIDED);
  }

  @Override
  public void caseFailed(HarnessError error) {
    progress.caseDone(Outcome.UNDECIDED);
    out.println("harness error in " + error.caseId() + ": " + error.reason());
  }

  @Override
  public void confirming(String target, int cases, int replays) {
    finish();
    out.println("replaying " + cases + " case(s) with a new violation on " + target + ", " + replays
        + " time(s) each");
  }

  @Override
  public void replayFailed(HarnessError error) {
    out.println("harness error replaying " + error.caseId() + ": " + error.reason());
  }

  @Override
  public void minimized(CaseResult original, CaseResult minimal) {
    out.println("shrunk " + original.id() + " from " + original.record().scenario().requests().size() + " to "
        + minimal.record().scenario().requests().size() + " request(s), still breaking "
        + minimal.firstViolated().map(Enum::name).orElse("nothing"));
  }

  /** Prints the last progress line of the current target. */
  void finish() {
    if (progress != null) {
      progress.finish();
      progress = null;
    }
  }
}
