package dev.cutpoint.check;

import dev.cutpoint.history.Call;
import dev.cutpoint.history.CaseRecord;
import dev.cutpoint.history.OutcomeKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges a recorded case against I1–I8 (SPEC §7), after the run and from the record alone: the
 * journal where the target keeps one, the final state's unique payloads where it does not.
 */
public final class Oracle {

  private static final List<InvariantCheck> CHECKS =
      List.of(
          new NoPartialExecution(),
          new AtMostOnce(),
          new SafeRetry(),
          new LoudFailure(),
          new OneResend(),
          new Liveness(),
          new NoFaultNoRetry());

  private Oracle() {}

  public static Verdict judge(CaseRecord record) {
    Findings findings = new Findings();
    harnessDefects(record, findings);
    CaseFacts facts = CaseFacts.of(record, findings);
    if (!facts.explanations.isEmpty()) {
      CHECKS.forEach(check -> check.check(facts, findings));
    } else {
      // the state is unexplained (I7) or too costly to explain: what needs executions is undecided
      CHECKS.stream()
          .filter(c -> c instanceof NoPartialExecution || c instanceof AtMostOnce)
          .forEach(c -> findings.undecided(c.invariant(), blame(record), "no explanation of the final state to count executions in"));
      CHECKS.stream()
          .filter(c -> !(c instanceof NoPartialExecution || c instanceof AtMostOnce))
          .forEach(check -> check.check(facts, findings));
    }
    if (!facts.unknownVerbs.isEmpty()) {
      List<Violation> modelDependent =
          findings.violations.stream().filter(v -> v.invariant() == Invariant.I7).toList();
      findings.violations.removeAll(modelDependent);
      modelDependent.forEach(
          v -> findings.undecided(
              Invariant.I7,
              v.requestIndex(),
              "the model does not know verb(s) " + facts.unknownVerbs + "; it would say: " + v.evidence()));
    }
    return new Verdict(findings.violations, findings.undecided, classify(record, findings), findings.harnessDefects);
  }

  /** The request a case-wide finding points at: the faulted one, else the last. */
  private static int blame(CaseRecord record) {
    return record.scenario().fault().map(f -> f.requestIndex()).orElse(record.scenario().requests().size() - 1);
  }

  private static void harnessDefects(CaseRecord record, Findings findings) {
    var planned = record.scenario().fault();
    if (planned.isPresent() && !record.injection().fired()) {
      findings.defect(
          "the planned fault " + planned.get() + " never fired (" + record.injection().evidence()
              + "): the case tests nothing");
    }
    if (planned.isEmpty() && record.injection().fired()) {
      findings.defect("the nemesis reports a fault (" + record.injection().evidence() + ") but none was planned");
    }
  }

  private static List<CallVerdict> classify(CaseRecord record, Findings findings) {
    List<CallVerdict> out = new ArrayList<>();
    for (Call call : record.calls()) {
      int index = call.requestIndex();
      OutcomeClass outcome;
      if (findings.violations.stream().anyMatch(v -> v.requestIndex() == index)) {
        outcome = OutcomeClass.VIOLATION;
      } else if (call.outcome().kind() == OutcomeKind.FAILED) {
        outcome = OutcomeClass.FAILED_LOUDLY;
      } else {
        outcome = call.attempts().size() == 1 ? OutcomeClass.FIRST_TRY : OutcomeClass.AFTER_RESEND;
      }
      out.add(new CallVerdict(index, outcome));
    }
    return out;
  }
}
