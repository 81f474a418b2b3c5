package dev.cutpoint.check;

import dev.cutpoint.history.Reply;
import java.util.Optional;

/**
 * One way an execution can go in the model: the reply it gives and the state it leaves. Where the
 * server chooses (renaming onto an existing file may replace it or fail, per Breezy's transport
 * contract) the model lists several; the recorded reply picks one. A {@code Branch.lock_write}
 * that takes a lock learns the token from the reply, when the reply was seen.
 */
record Alternative(ReplyMatcher reply, ModelState after, Optional<String> takesLockAt) {

  static Alternative of(ReplyMatcher reply, ModelState after) {
    return new Alternative(reply, after, Optional.empty());
  }

  /** The state after this execution, given the reply it produced when that is known. */
  ModelState settle(Optional<Reply> observed) {
    return takesLockAt
        .map(
            branch -> after.locked(
                branch,
                observed.filter(Reply::isSuccess).filter(r -> r.args().size() > 1).map(r -> r.args().get(1))))
        .orElse(after);
  }
}
