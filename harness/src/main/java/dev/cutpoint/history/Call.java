package dev.cutpoint.history;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One call of the sequence: the request it carried (by index), every attempt in order, how it
 * ended, how long it took and the deadline it had (I6), both on the client's clock (the harness's
 * own where it owns it, SPEC §5.4), and whether the harness had to end it because it would not end
 * by itself.
 *
 * @param hung why the harness ended the call, when the client would have waited for ever (it
 *     waited without a deadline on a connection that could never progress, or did not end its
 *     attempt when its timeout had passed)
 */
public record Call(
    int requestIndex,
    List<Attempt> attempts,
    CallOutcome outcome,
    long elapsedMillis,
    long timeoutMillis,
    Optional<String> hung) {

  public Call {
    attempts = List.copyOf(Objects.requireNonNull(attempts, "attempts"));
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(hung, "hung");
    if (requestIndex < 0) {
      throw new IllegalArgumentException("requestIndex must be >= 0, was " + requestIndex);
    }
    if (elapsedMillis < 0 || timeoutMillis <= 0) {
      throw new IllegalArgumentException(
          "elapsedMillis must be >= 0 and timeoutMillis > 0, were " + elapsedMillis + ", " + timeoutMillis);
    }
    if (attempts.isEmpty()) {
      throw new IllegalArgumentException("a call makes at least one attempt (a failed connect is one)");
    }
    for (int i = 0; i < attempts.size(); i++) {
      if (attempts.get(i).number() != i + 1) {
        throw new IllegalArgumentException(
            "attempts are numbered 1, 2, … in order; attempt " + i + " has number " + attempts.get(i).number());
      }
    }
  }

  /** A call that ended by itself. */
  public Call(
      int requestIndex, List<Attempt> attempts, CallOutcome outcome, long elapsedMillis, long timeoutMillis) {
    this(requestIndex, attempts, outcome, elapsedMillis, timeoutMillis, Optional.empty());
  }
}
