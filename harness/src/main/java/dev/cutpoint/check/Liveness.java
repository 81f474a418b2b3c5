package dev.cutpoint.check;

import dev.cutpoint.history.Call;
import dev.cutpoint.history.OutcomeKind;

/**
 * I6. Evidence: each call's elapsed time against its timeout (on the client's clock, which the
 * harness owns where it can, so that a slow machine is no evidence), whether the harness had to end
 * a call that would have waited for ever, and the probe call the driver makes after the sequence
 * with the fault cleared: it must get a reply.
 */
final class Liveness implements InvariantCheck {

  @Override
  public Invariant invariant() {
    return Invariant.I6;
  }

  @Override
  public void check(CaseFacts facts, Findings findings) {
    facts.calls.forEach(
        (index, call) -> {
          if (call.hung().isPresent()) {
            findings.violation(
                Invariant.I6, index, facts.describe(index) + " would not end: " + call.hung().get());
          } else if (call.elapsedMillis() > call.timeoutMillis()) {
            findings.violation(
                Invariant.I6,
                index,
                facts.describe(index) + " took " + call.elapsedMillis() + " ms, past its timeout of "
                    + call.timeoutMillis() + " ms");
          }
        });
    Call probe = facts.record.probe().call();
    if (probe.outcome().kind() == OutcomeKind.FAILED) {
      var error = probe.outcome().error().orElseThrow();
      findings.violation(
          Invariant.I6,
          probe.requestIndex(),
          "the " + facts.describe(probe.requestIndex()) + " after the case failed with " + error.type() + " ("
              + error.message() + "): the client does not work for the next call");
    }
  }
}
