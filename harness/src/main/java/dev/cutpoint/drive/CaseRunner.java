package dev.cutpoint.drive;

import dev.cutpoint.check.Verdict;
import dev.cutpoint.history.CaseRecord;
import java.io.IOException;
import java.util.Optional;

/** Runs one case on a target and judges it: dry run, faulted run, probe, oracle. */
public final class CaseRunner {

  private CaseRunner() {}

  /** A generated case: planned from its dry run, run, judged. */
  public static CaseResult run(Target target, CaseSpec spec) throws IOException {
    PreparedCase prepared = target.prepare(spec);
    CaseRecord record = target.run(prepared);
    Verdict verdict = Judge.judge(record, spec.persistent());
    return new CaseResult(spec.id(), spec.cell(), spec.persistent(), record, verdict, Optional.empty());
  }
}
