package dev.cutpoint.check;

import dev.cutpoint.history.Attempt;
import dev.cutpoint.history.Call;
import dev.cutpoint.history.ErrorRecord;
import dev.cutpoint.history.FailureSite;
import dev.cutpoint.history.MayHaveExecuted;
import dev.cutpoint.history.Request;
import dev.cutpoint.verbs.VerbClass;
import java.util.Optional;

/**
 * I4. Evidence: a failed call's error must say whether the request may have executed, and must
 * not say "no" when it ran (journal, or every explanation); "may have" is always honest — a BETWEEN
 * close fails a mutate call loudly with mayHaveExecuted although nothing ran. No silent resend: the
 * attempts' retry decisions must not resend a semivfs/mutate/stream request whose whole message may
 * have reached the server, nor a stream whose body had started. No silent success: a semivfs,
 * mutate or stream call's reply must be the server's answer to its last execution.
 */
final class LoudFailure implements InvariantCheck {

  @Override
  public Invariant invariant() {
    return Invariant.I4;
  }

  @Override
  public void check(CaseFacts facts, Findings findings) {
    facts.calls.forEach(
        (index, call) -> {
          Request request = facts.requests.get(index);
          call.outcome().error().ifPresent(error -> failure(facts, findings, index, error));
          silentResends(facts, findings, index, call, request);
          if (!request.verbClass().resendableAfterRead()) {
            WrongResult.judge(Invariant.I4, index, call, facts, findings);
          }
        });
  }

  private static void failure(CaseFacts facts, Findings findings, int index, ErrorRecord error) {
    if (error.mayHaveExecuted() == MayHaveExecuted.NOT_SAID) {
      findings.violation(
          Invariant.I4,
          index,
          facts.describe(index) + " failed with " + error.type() + " (" + error.message()
              + "), which does not say whether the request may have executed");
      return;
    }
    if (error.mayHaveExecuted() == MayHaveExecuted.NO) {
      findings.judge(
          Invariant.I4,
          index,
          facts.explanations,
          explanation -> explanation.count(index) == 0
              ? Optional.empty()
              : Optional.of(
                  facts.describe(index) + " failed with " + error.type() + " saying it did not execute, but it ran "
                      + explanation.count(index) + " time(s) (" + explanation.sources(index) + ")"
                      + facts.observedFor(index)));
    }
  }

  private static void silentResends(CaseFacts facts, Findings findings, int index, Call call, Request request) {
    for (Attempt attempt : call.attempts()) {
      if (attempt.decision().map(d -> !d.resend()).orElse(true)) {
        continue;
      }
      String reason = attempt.decision().orElseThrow().reason();
      FailureSite site = attempt.failure().orElseThrow().site();
      if (request.verbClass() == VerbClass.STREAM && attempt.bodyStreamStarted()) {
        findings.violation(
            Invariant.I4,
            index,
            facts.describe(index) + " was resent after attempt " + attempt.number()
                + " had started consuming its body stream, which cannot be rewound (the client's reason: " + reason + ")");
      } else if (!request.verbClass().resendableAfterRead() && attempt.writeCompleted() && site != FailureSite.CONNECT) {
        findings.violation(
            Invariant.I4,
            index,
            facts.describe(index) + " was resent after attempt " + attempt.number() + " had written all "
                + request.encodedLength() + " bytes and failed on " + site + " with "
                + attempt.failure().orElseThrow().error().type() + ": the server may have run it (the client's reason: "
                + reason + ")");
      }
    }
  }
}
