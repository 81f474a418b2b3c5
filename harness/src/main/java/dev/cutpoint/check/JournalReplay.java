package dev.cutpoint.check;

import dev.cutpoint.history.JournalEntry;
import dev.cutpoint.history.Request;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one explanation a journal gives: each entry is matched to the request with the same hash
 * (requests without a unique payload may repeat: the first whose call can still have delivered it
 * takes the entry), then the entries run through the model in journal order, each taking the
 * alternative its recorded result picks. An entry that matches no request is bytes the server ran
 * that were not a complete request (I1): counted as the faulted request's when that one was left
 * incomplete, so that the state still adds up; a result or a final state the model does not reach
 * is I7.
 */
final class JournalReplay {

  private JournalReplay() {}

  static Explanation explain(CaseFacts facts, Findings findings) {
    Map<String, List<Integer>> byHash = new HashMap<>();
    for (Request request : facts.requests) {
      byHash.computeIfAbsent(request.hash(), h -> new ArrayList<>()).add(request.index());
    }
    Map<Integer, Integer> assigned = new HashMap<>();
    ModelState state = ModelState.of(facts.record.scenario().initialState());
    List<Execution> executions = new ArrayList<>();
    boolean agree = true;
    int lastTouched = facts.record.scenario().requests().size() - 1;
    for (JournalEntry entry : facts.record.journal().orElseThrow().entries()) {
      List<Integer> candidates = byHash.getOrDefault(entry.requestHash(), List.of());
      String source = "journal entry #" + entry.order();
      int index;
      if (candidates.isEmpty()) {
        Optional<Integer> resent = consumedStreamResentBy(facts, entry);
        if (resent.isPresent()) {
          // the client's fault, not the server's: it sent what was left of a stream it could not
          // rewind, a complete message that is not the request. It counts as one more execution of
          // the call (I2), the resend itself is I4's; the model cannot tell what the rest applied
          index = resent.get();
          assigned.merge(index, 1, Integer::sum);
          executions.add(new Execution(index, source + " (the client's resend of a body stream it had already"
              + " consumed: bytes that are not the request)", observedAs(entry.result()), Optional.of(entry.result())));
          continue;
        }
        Optional<Integer> incomplete = incompleteMessageOf(facts, entry);
        if (incomplete.isEmpty()) {
          findings.violation(
              Invariant.I1,
              facts.record.scenario().fault().map(f -> f.requestIndex()).orElse(0),
              source + " on server connection " + entry.connectionId() + " ran " + entry.verb()
                  + " from bytes that match no complete request of the case (hash "
                  + entry.requestHash().substring(0, 12) + "…): the server executed a message it had not"
                  + " fully received");
          continue;
        }
        // the faulted request's incomplete message, run anyway: I1 counts it, the model applies it
        index = incomplete.get();
        source += " (bytes that are not the whole request)";
      } else {
        index = pick(facts, candidates, assigned);
      }
      assigned.merge(index, 1, Integer::sum);
      Request request = facts.requests.get(index);
      List<Alternative> alternatives = facts.alternatives(state, request);
      Optional<Alternative> chosen = alternatives.stream().filter(a -> a.reply().matches(entry.result())).findFirst();
      if (chosen.isEmpty()) {
        agree = false;
        findings.violation(
            Invariant.I7,
            index,
            "the server answered " + ReplyMatcher.describe(entry.result()) + " to " + facts.describe(index)
                + " (journal entry #" + entry.order() + "); the model expects "
                + alternatives.stream().map(a -> a.reply().describe()).reduce((a, b) -> a + " or " + b).orElseThrow());
      }
      Alternative taken =
          chosen.orElseGet(
              () -> alternatives.stream()
                  .filter(a -> a.reply().status() == entry.result().status())
                  .findFirst()
                  .orElse(alternatives.get(0)));
      state = taken.settle(Optional.of(entry.result()));
      executions.add(new Execution(index, source, taken.reply(), Optional.of(entry.result())));
      if (index < facts.record.scenario().requests().size()) {
        lastTouched = index;
      }
    }
    for (var delivery : facts.deliveries.entrySet()) {
      int index = delivery.getKey();
      int ran = assigned.getOrDefault(index, 0);
      if (ran < delivery.getValue().certain()) {
        findings.violation(
            Invariant.I7,
            index,
            facts.describe(index) + " certainly ran " + delivery.getValue().certain()
                + " time(s) (a reply came back, or its response was cut while being sent) but the journal"
                + " has " + ran);
      }
    }
    List<String> differences = state.differences(facts.record.finalState());
    if (!differences.isEmpty()) {
      int blame = facts.record.scenario().fault().map(f -> f.requestIndex()).orElse(lastTouched);
      findings.violation(
          Invariant.I7,
          blame,
          "the final state is not the model's after the journal's " + executions.size() + " execution(s): "
              + String.join("; ", differences));
    }
    return new Explanation(executions, state, differences, agree);
  }

  /** Among requests with the same bytes, the first whose attempts can still account for another execution. */
  private static int pick(CaseFacts facts, List<Integer> candidates, Map<Integer, Integer> assigned) {
    for (int index : candidates) {
      CallDelivery delivery = facts.deliveries.get(index);
      if (delivery != null && assigned.getOrDefault(index, 0) < delivery.legitimate()) {
        return index;
      }
    }
    for (int index : candidates) {
      if (facts.deliveries.containsKey(index)) {
        return index;
      }
    }
    return candidates.get(0);
  }

  /**
   * An entry whose bytes are no complete request is the client's resend of a consumed body stream
   * when a call of the same verb was resent after an attempt that had started its stream: the
   * client sent the rest of the stream as if it were the request.
   */
  private static Optional<Integer> consumedStreamResentBy(CaseFacts facts, JournalEntry entry) {
    return facts.calls.values().stream()
        .filter(call -> call.requestIndex() < facts.requests.size())
        .filter(call -> facts.requests.get(call.requestIndex()).verb().equals(entry.verb()))
        .filter(call -> {
          List<dev.cutpoint.history.Attempt> attempts = call.attempts();
          for (int i = 0; i + 1 < attempts.size(); i++) {
            dev.cutpoint.history.Attempt before = attempts.get(i);
            if (before.bodyStreamStarted() && before.decision().filter(d -> d.resend()).isPresent()) {
              return true;
            }
          }
          return false;
        })
        .map(call -> call.requestIndex())
        .findFirst();
  }

  /** The reply the server gave, as what the model expects of an execution it cannot model. */
  private static ReplyMatcher observedAs(dev.cutpoint.history.Reply reply) {
    return reply.isSuccess() ? ReplyMatcher.success(reply.args().toArray(String[]::new)) : ReplyMatcher.anyError();
  }

  /**
   * An entry whose bytes are no complete request is the faulted request's incomplete message when
   * the verb is the same and the fault left that request incomplete on the server.
   */
  private static Optional<Integer> incompleteMessageOf(CaseFacts facts, JournalEntry entry) {
    return facts.firedFault
        .map(f -> f.requestIndex())
        .filter(i -> facts.requests.get(i).verb().equals(entry.verb()))
        .filter(i -> facts.deliveries.containsKey(i) && !facts.deliveries.get(i).undelivered().isEmpty());
  }
}
