package dev.cutpoint.check;

import dev.cutpoint.history.ErrorRecord;
import dev.cutpoint.history.FaultPlan;
import dev.cutpoint.history.OutcomeKind;

/**
 * I3. Evidence: the outcome of the read, idem or semi call the fault hit (it must complete), and
 * for every such call with a reply, that reply against the server's last execution of it (the
 * journal's result, or the model's in each explanation) — a semi call's second run may answer
 * LockContention or TokenMismatch, which the model then expects. A black hole is no exception:
 * the client's read timeout ends the attempt (SPEC §5.2) and, being a read-phase failure, it is
 * resent like a reset (SPEC §1), so a {@code CallTimeout} on such a call breaks I3. I3 promises
 * completion after <i>one transient</i> fault: under a persistent one (the server stays away for
 * the whole call) a loud failure is right, and I5 is what catches a client that keeps resending.
 */
final class SafeRetry implements InvariantCheck {

  @Override
  public Invariant invariant() {
    return Invariant.I3;
  }

  @Override
  public void check(CaseFacts facts, Findings findings) {
    facts.calls.forEach(
        (index, call) -> {
          if (!facts.requests.get(index).verbClass().resendableAfterRead()) {
            return;
          }
          if (facts.hit(index) && call.outcome().kind() == OutcomeKind.FAILED
              && !facts.firedFault.orElseThrow().persistent()) {
            FaultPlan plan = facts.firedFault.orElseThrow();
            ErrorRecord error = call.outcome().error().orElseThrow();
            findings.violation(
                Invariant.I3,
                index,
                facts.describe(index) + " was hit by " + facts.describeFault(plan) + " and failed after "
                    + call.attempts().size() + " attempt(s) with " + error.type() + ": " + error.message()
                    + "; a " + facts.requests.get(index).verbClass().breezyName()
                    + " call must complete after one transient fault");
          }
          WrongResult.judge(Invariant.I3, index, call, facts, findings);
        });
  }
}
