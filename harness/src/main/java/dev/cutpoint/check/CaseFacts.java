package dev.cutpoint.check;

import dev.cutpoint.history.Attempt;
import dev.cutpoint.history.Call;
import dev.cutpoint.history.CaseRecord;
import dev.cutpoint.history.FaultPlan;
import dev.cutpoint.history.Payload;
import dev.cutpoint.history.PayloadForm;
import dev.cutpoint.history.Reply;
import dev.cutpoint.history.Request;
import dev.cutpoint.history.ServerReceipt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the oracle knows about one case before it judges: every request (the probe last), the call
 * that carried each, what each call's attempts can have delivered, the fault if it fired, and the
 * explanations of what ran — from the journal, or inferred from the final state.
 */
final class CaseFacts {

  final CaseRecord record;
  final List<Request> requests;
  final SortedMap<Integer, Call> calls;
  final Optional<FaultPlan> firedFault;
  final Map<Integer, CallDelivery> deliveries;
  final boolean journaled;
  final TreeSet<String> unknownVerbs = new TreeSet<>();
  final Map<String, Payload> payloadsByToken = new TreeMap<>();
  /** The explanations the checks judge over: never empty unless the state is unexplained (I7). */
  final List<Explanation> explanations;

  private CaseFacts(CaseRecord record, Findings findings) {
    this.record = record;
    this.requests = new ArrayList<>(record.scenario().requests());
    this.requests.add(record.probe().request());
    this.calls = new TreeMap<>();
    record.calls().forEach(c -> calls.put(c.requestIndex(), c));
    calls.put(record.probe().call().requestIndex(), record.probe().call());
    this.firedFault = record.scenario().fault().filter(f -> record.injection().fired());
    this.journaled = record.journal().isPresent();
    Map<Integer, CallDelivery> delivered = new TreeMap<>();
    calls.forEach((i, call) -> delivered.put(i, deliveryOf(call)));
    this.deliveries = delivered;
    for (Request request : requests) {
      request.body().bytes().ifPresent(this::rememberPayload);
      request.body().records().forEach(r -> rememberPayload(r.payload()));
    }
    this.explanations =
        journaled ? List.of(JournalReplay.explain(this, findings)) : ExplanationSearch.explain(this, findings);
  }

  /** Gathers the facts of a case; what gathering them already shows (I1, I7) goes to {@code findings}. */
  static CaseFacts of(CaseRecord record, Findings findings) {
    return new CaseFacts(record, findings);
  }

  private void rememberPayload(Payload payload) {
    if (payload.form() == PayloadForm.GENERATED) {
      payloadsByToken.put(payload.text(), payload);
    }
  }

  /** The request that carried a payload token, if any. */
  Optional<Request> requestWithToken(String token) {
    return requests.stream()
        .filter(
            r -> r.body().bytes().map(p -> p.text().equals(token)).orElse(false)
                || r.body().records().stream().anyMatch(s -> s.payload().text().equals(token)))
        .findFirst();
  }

  /** Whether the fault fired and killed the connection carrying this call's first attempt. */
  boolean hit(int requestIndex) {
    return firedFault.filter(f -> f.kind().fatal() && f.requestIndex() == requestIndex).isPresent();
  }

  /** Whether this call is where the planned fault applied, fatal or not (so I8 does not cover it when fatal). */
  boolean isFaultedRequest(int requestIndex) {
    return firedFault.filter(f -> f.requestIndex() == requestIndex).isPresent();
  }

  /** The alternatives of executing a request, or any reply and no change for a verb the model does not know. */
  List<Alternative> alternatives(ModelState state, Request request) {
    return VerbModel.apply(state, request)
        .orElseGet(
            () -> {
              unknownVerbs.add(request.verb());
              return List.of(
                  Alternative.of(ReplyMatcher.success(), state), Alternative.of(ReplyMatcher.anyError(), state));
            });
  }

  /** The reply the caller of a call finally got, if any. */
  Optional<Reply> finalReply(int requestIndex) {
    return Optional.ofNullable(calls.get(requestIndex)).flatMap(c -> c.outcome().reply());
  }

  /** A request in words: {@code request 2 append(f) [mutate]}. */
  String describe(int requestIndex) {
    Request r = requests.get(requestIndex);
    String what = requestIndex == requests.size() - 1 ? "probe request " : "request ";
    return what + requestIndex + " " + r.verb() + "(" + String.join(", ", r.args()) + ") ["
        + r.verbClass().breezyName() + "]";
  }

  /**
   * Without a journal, what the final state shows at the request's paths, as evidence:
   * {@code ; the final state has f = [r1] [r1]}; empty with a journal, whose entries are the evidence.
   */
  String observedFor(int requestIndex) {
    if (journaled) {
      return "";
    }
    List<String> seen = new ArrayList<>();
    Request request = requests.get(requestIndex);
    List<String> paths = new ArrayList<>(request.args());
    request.body().records().forEach(r -> paths.add(r.path()));
    for (String arg : paths) {
      ModelPath.parse(arg)
          .filter(p -> !p.isRoot())
          .flatMap(p -> record.finalState().entry(p.toString()))
          .ifPresent(e -> seen.add(e.path() + " = " + ModelState.describeObserved(e)));
    }
    return seen.isEmpty() ? "" : "; the final state has " + String.join(", ", seen);
  }

  /** The fault in words: {@code CLOSE at WRITE k=10 of n=95}. */
  String describeFault(FaultPlan plan) {
    long n = requests.get(plan.requestIndex()).encodedLength();
    return switch (plan.phase()) {
      case WRITE, FLUSH -> plan.kind() + " at " + plan.phase() + " k=" + plan.offset() + " of n=" + n;
      case READ -> plan.kind() + " at READ j=" + plan.offset();
      case BETWEEN -> "a close BETWEEN requests by " + plan.delivery();
    };
  }

  private CallDelivery deliveryOf(Call call) {
    Request request = requests.get(call.requestIndex());
    int certain = 0;
    int legitimate = 0;
    int possible = 0;
    List<String> undelivered = new ArrayList<>();
    for (Attempt attempt : call.attempts()) {
      boolean hitAttempt = attempt.number() == 1 && hit(call.requestIndex());
      if (attempt.reply().isPresent()) {
        certain++;
        legitimate++;
        possible++;
      } else if (hitAttempt) {
        FaultPlan plan = firedFault.orElseThrow();
        ServerReceipt receipt = plan.serverReceipt(request.encodedLength());
        switch (receipt) {
          case NOTHING, INCOMPLETE -> undelivered.add(
              "attempt 1 was cut by " + describeFault(plan) + ", so the server "
                  + (receipt == ServerReceipt.NOTHING ? "had nothing of it" : "had an incomplete message"));
          case COMPLETE_MAYBE_EXECUTED -> legitimate++;
          case COMPLETE -> {
            certain++;
            legitimate++;
          }
        }
        // after a BETWEEN close no server-side connection is left to run anything
        possible += receipt != ServerReceipt.NOTHING && attempt.bytesWritten() > 0 ? 1 : 0;
      } else if (attempt.writeCompleted()) {
        legitimate++;
        possible++;
      } else if (attempt.bytesWritten() > 0) {
        possible++;
        undelivered.add(
            "attempt " + attempt.number() + " wrote only " + attempt.bytesWritten() + " of "
                + request.encodedLength() + " bytes");
      }
    }
    return new CallDelivery(certain, legitimate, Math.max(possible, legitimate), undelivered);
  }
}
