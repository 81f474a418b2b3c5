package dev.cutpoint.client;

import dev.cutpoint.verbs.VerbClass;

/**
 * Everything a {@link RetryPolicy} may look at when an attempt has failed.
 *
 * @param verbClass the retry class of the request's verb
 * @param site where the failure was noticed
 * @param timedOut the peer stopped making progress (as opposed to closing or resetting); the
 *     connection is dropped all the same
 * @param bodyStreamStarted the client had begun consuming the request's body stream, which
 *     cannot be rewound
 * @param attempt which attempt failed, 1 for the first
 * @param noRetry the client runs with Breezy's {@code -Dnoretry} debug flag
 */
public record AttemptFailure(
    VerbClass verbClass,
    FailureSite site,
    boolean timedOut,
    boolean bodyStreamStarted,
    int attempt,
    boolean noRetry) {

  public AttemptFailure {
    if (verbClass == null || site == null) {
      throw new IllegalArgumentException("verbClass and site are required");
    }
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt counts from 1, got " + attempt);
    }
  }

  /** The same failure as if it had struck the first attempt. */
  AttemptFailure asFirstAttempt() {
    return new AttemptFailure(verbClass, site, timedOut, bodyStreamStarted, 1, noRetry);
  }
}
