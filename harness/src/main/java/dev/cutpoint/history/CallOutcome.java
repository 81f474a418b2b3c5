package dev.cutpoint.history;

import java.util.Objects;
import java.util.Optional;

/** How a call ended: the reply its caller got, or the typed error it raised. */
public record CallOutcome(OutcomeKind kind, Optional<Reply> reply, Optional<ErrorRecord> error) {

  public CallOutcome {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reply, "reply");
    Objects.requireNonNull(error, "error");
    boolean consistent =
        switch (kind) {
          case SUCCESS -> reply.isPresent() && reply.get().isSuccess() && error.isEmpty();
          case REMOTE_ERROR -> reply.isPresent() && !reply.get().isSuccess() && error.isEmpty();
          case FAILED -> reply.isEmpty() && error.isPresent();
        };
    if (!consistent) {
      throw new IllegalArgumentException(
          kind + " outcome needs " + (kind == OutcomeKind.FAILED ? "an error and no reply"
              : kind == OutcomeKind.SUCCESS ? "a success reply" : "an error reply"));
    }
  }

  /** The outcome of a call that ended with {@code reply}, success or error response. */
  public static CallOutcome replied(Reply reply) {
    return new CallOutcome(
        reply.isSuccess() ? OutcomeKind.SUCCESS : OutcomeKind.REMOTE_ERROR,
        Optional.of(reply),
        Optional.empty());
  }

  public static CallOutcome failed(ErrorRecord error) {
    return new CallOutcome(OutcomeKind.FAILED, Optional.empty(), Optional.of(error));
  }
}
