package dev.cutpoint.drive;

import dev.cutpoint.report.Outcome;
import dev.cutpoint.report.Progress;
import java.io.PrintStream;
import java.util.function.LongFunction;

/**
 * A matrix run's progress for a person, the same from {@code cutpoint matrix} and from Maven: a
 * line when a target starts or is skipped, the report module's progress line (cases done,
 * violations, rate, time left), a line when the new violations are replayed, and a line per shrunk
 * counterexample and per case or replay the harness could not run.
 */
public final class ProgressLines implements MatrixListener {

  private final PrintStream out;
  private final LongFunction<Progress> progressFor;
  private Progress progress;

  /** @param progressFor the progress printer of a target with this many planned cases */
  public ProgressLines(PrintStream out, LongFunction<Progress> progressFor) {
    this.out = out;
    this.progressFor = progressFor;
  }

  @Override
  public void targetStarted(String target, String toxiproxy, long plannedCases, int workers) {
    finish();
    out.println("target " + target + " through " + toxiproxy + ": " + plannedCases + " cases on " + workers
        + " worker(s)");
    progress = progressFor.apply(plannedCases);
  }

  @Override
  public void targetSkipped(String target, String reason) {
    finish();
    out.println("target " + target + " skipped: " + reason);
  }

  @Override
  public void schedulingUnchanged(String target, String why) {
    finish();
    out.println("target " + target + ": scheduling unchanged (" + why + ")");
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
    out.println("shrunk " + original.id() + " to " + minimal.id() + ": " + original.record().scenario().requests().size()
        + " -> " + minimal.record().scenario().requests().size() + " request(s), " + bodyBytes(original) + " -> "
        + bodyBytes(minimal) + " body bytes, still " + minimal.firstViolated().orElseThrow());
  }

  private static long bodyBytes(CaseResult result) {
    return result.record().scenario().requests().stream().mapToLong(r -> r.body().size()).sum();
  }

  /** Prints the last progress line of the current target. */
  public void finish() {
    if (progress != null) {
      progress.finish();
      progress = null;
    }
  }
}
