package dev.cutpoint.check;

import dev.cutpoint.history.Reply;
import java.util.Optional;

/**
 * One execution of a request in an explanation: which request, where we know it from (a journal
 * entry, or inferred from the state and the replies), what the model expected it to answer, and
 * the answer when it was recorded.
 */
record Execution(int requestIndex, String source, ReplyMatcher expected, Optional<Reply> observed) {}
