package dev.cutpoint.check;

import dev.cutpoint.history.Call;
import dev.cutpoint.history.OutcomeKind;

/**
 * I8. Evidence: the attempts and outcome of every call no fatal fault hit — all calls of a case
 * without a fault or under SLICE/LATENCY, and every call but the faulted one otherwise (the fault
 * is one-shot: SPEC §5.3). Each must complete on its first attempt; the server's error response
 * counts as completing.
 */
final class NoFaultNoRetry implements InvariantCheck {

  @Override
  public Invariant invariant() {
    return Invariant.I8;
  }

  @Override
  public void check(CaseFacts facts, Findings findings) {
    for (Call call : facts.record.calls()) {
      int index = call.requestIndex();
      if (facts.hit(index)) {
        continue;
      }
      boolean failed = call.outcome().kind() == OutcomeKind.FAILED;
      if (call.attempts().size() == 1 && !failed) {
        continue;
      }
      findings.violation(
          Invariant.I8,
          index,
          facts.describe(index) + " " + context(facts, index) + " yet took " + call.attempts().size()
              + " attempt(s)"
              + (failed
                  ? " and failed with " + call.outcome().error().orElseThrow().type() + ": "
                      + call.outcome().error().orElseThrow().message()
                  : ""));
    }
  }

  private static String context(CaseFacts facts, int index) {
    return facts.firedFault
        .map(f -> f.kind().fatal()
            ? "was not hit by the fault (" + facts.describeFault(f) + " on request " + f.requestIndex() + ")"
            : "ran under " + facts.describeFault(f) + (f.requestIndex() == index ? "" : " on request " + f.requestIndex()))
        .orElse("ran without a fault");
  }
}
