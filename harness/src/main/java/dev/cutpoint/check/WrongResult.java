package dev.cutpoint.check;

import dev.cutpoint.history.Call;
import dev.cutpoint.history.Reply;
import java.util.Optional;

/**
 * The reply a call's caller got must be the answer of the server's last execution of it — or, with a
 * journal, of one of its executions (a cut message can run after the resend that answered): the
 * journal's recorded result, or without a journal the model's expectation in each explanation of
 * the execution that answered (not one that landed later, unseen).
 * A call that returns anything else succeeded with a result no execution produced.
 */
final class WrongResult {

  private WrongResult() {}

  static void judge(Invariant invariant, int index, Call call, CaseFacts facts, Findings findings) {
    Optional<Reply> reply = call.outcome().reply();
    if (reply.isEmpty()) {
      return;
    }
    findings.judge(
        invariant,
        index,
        facts.explanations,
        explanation -> explanation.answering(index)
            .flatMap(last -> mismatch(facts, index, reply.get(), last, explanation)));
  }

  private static Optional<String> mismatch(
      CaseFacts facts, int index, Reply got, Execution last, Explanation explanation) {
    if (facts.journaled) {
      Reply server = last.observed().orElseThrow();
      // a cut attempt's complete message (FLUSH at k = n) may run after the resend that answered,
      // so the answer may come from an earlier execution of the request than the last
      boolean someExecutionAnswered = explanation.executions().stream()
          .filter(e -> e.requestIndex() == index)
          .anyMatch(e -> e.observed().filter(got::equals).isPresent());
      if (server.equals(got) || someExecutionAnswered) {
        return Optional.empty();
      }
      return Optional.of(
          facts.describe(index) + " returned " + ReplyMatcher.describe(got) + " but the server's last execution ("
              + last.source() + ") answered " + ReplyMatcher.describe(server));
    }
    if (last.expected().matches(got)) {
      return Optional.empty();
    }
    return Optional.of(
        facts.describe(index) + " returned " + ReplyMatcher.describe(got) + "; the model expects "
            + last.expected().describe() + " of its last execution");
  }
}
