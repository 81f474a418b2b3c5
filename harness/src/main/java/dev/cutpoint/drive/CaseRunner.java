package dev.cutpoint.drive;

import dev.cutpoint.check.Oracle;
import dev.cutpoint.check.Verdict;
import dev.cutpoint.history.CaseRecord;
import dev.cutpoint.history.FaultPlan;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** Runs one case on a target and judges it: dry run, faulted run, probe, oracle. */
public final class CaseRunner {

  private CaseRunner() {}

  /** A generated case: planned from its dry run, run, judged; timed from the dry run to the verdict. */
  public static CaseResult run(Target target, CaseSpec spec) throws IOException {
    long start = System.nanoTime();
    PreparedCase prepared = target.prepare(spec);
    return judged(spec.id(), spec.cell(), target, prepared, start);
  }

  /**
   * Runs a prepared case and judges it from its record alone (a persistent fault is part of the
   * recorded plan); its duration counts from {@code startNanos}.
   */
  public static CaseResult judged(String id, MatrixCell cell, Target target, PreparedCase prepared, long startNanos)
      throws IOException {
    CaseRecord record = target.run(prepared);
    Verdict verdict = Oracle.judge(record);
    boolean persistent = record.scenario().fault().filter(FaultPlan::persistent).isPresent();
    return new CaseResult(id, cell, persistent, record, verdict, Optional.empty(),
        Duration.ofNanos(System.nanoTime() - startNanos), Optional.empty());
  }
}
