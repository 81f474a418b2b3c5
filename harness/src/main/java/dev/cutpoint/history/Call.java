package dev.cutpoint.history;

import java.util.List;
import java.util.Objects;

/**
 * One call of the sequence: the request it carried (by index), every attempt in order, how it
 * ended, how long it took and the deadline it had (I6).
 */
public record Call(
    int requestIndex, List<Attempt> attempts, CallOutcome outcome, long elapsedMillis, long timeoutMillis) {

  public Call {
    attempts = List.copyOf(Objects.requireNonNull(attempts, "attempts"));
    Objects.requireNonNull(outcome, "outcome");
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
}
