package dev.cutpoint.drive;

import dev.cutpoint.check.CallVerdict;
import dev.cutpoint.check.Invariant;
import dev.cutpoint.check.OutcomeClass;
import dev.cutpoint.check.Oracle;
import dev.cutpoint.check.Verdict;
import dev.cutpoint.check.Violation;
import dev.cutpoint.history.Call;
import dev.cutpoint.history.CaseRecord;
import dev.cutpoint.history.OutcomeKind;
import java.util.List;

/**
 * The oracle's verdict on a case, with one adjustment for persistent faults: I3 promises that a
 * resendable call completes after <i>one transient</i> fault; under a persistent one (the server
 * stays away for the whole call) a loud failure after at most one resend is the right answer, so
 * I3's demand that the hit call complete is dropped there — every other invariant stands, and I5
 * is what catches a client that keeps resending.
 */
public final class Judge {

  private Judge() {}

  public static Verdict judge(CaseRecord record, boolean persistent) {
    Verdict verdict = Oracle.judge(record);
    if (!persistent || record.scenario().fault().isEmpty()) {
      return verdict;
    }
    int hit = record.scenario().fault().get().requestIndex();
    boolean failedLoudly = record.calls().stream()
        .filter(c -> c.requestIndex() == hit)
        .map(Call::outcome)
        .anyMatch(o -> o.kind() == OutcomeKind.FAILED);
    if (!failedLoudly) {
      return verdict;
    }
    List<Violation> kept = verdict.violations().stream()
        .filter(v -> !(v.invariant() == Invariant.I3 && v.requestIndex() == hit))
        .toList();
    boolean stillViolated = kept.stream().anyMatch(v -> v.requestIndex() == hit);
    List<CallVerdict> calls = verdict.calls().stream()
        .map(c -> c.requestIndex() == hit && !stillViolated && c.outcome() == OutcomeClass.VIOLATION
            ? new CallVerdict(hit, OutcomeClass.FAILED_LOUDLY)
            : c)
        .toList();
    return new Verdict(kept, verdict.undecided(), calls, verdict.harnessDefects());
  }
}
