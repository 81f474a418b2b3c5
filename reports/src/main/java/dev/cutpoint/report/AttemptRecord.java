package dev.cutpoint.report;

import java.util.Optional;

/**
 * One attempt of a call: one connection's worth of sending and receiving (SPEC §6: every attempt is
 * recorded).
 *
 * @param attempt 1 for the first send, 2 for the resend
 * @param connection the id of the connection the attempt used
 * @param bytesWritten request bytes the client handed to the connection
 * @param writeCompleted whether the whole request was written
 * @param failureSeen where the client noticed the failure ({@code connect}, {@code write},
 *     {@code read}, {@code timeout}); empty when the attempt succeeded
 * @param error the error the client saw, e.g. {@code ConnectionLost(mayHaveExecuted=true)}
 * @param retry what the client decided after the failure; empty when the attempt succeeded
 * @param response the response, rendered as text, when one arrived
 */
public record AttemptRecord(
    int attempt,
    long connection,
    long bytesWritten,
    boolean writeCompleted,
    Optional<String> failureSeen,
    Optional<String> error,
    Optional<RetryDecision> retry,
    Optional<String> response) {

  public AttemptRecord {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be 1 or more: " + attempt);
    }
    Checks.notNegative("bytesWritten", bytesWritten);
    failureSeen = Checks.optional(failureSeen);
    error = Checks.optional(error);
    retry = Checks.optional(retry);
    response = Checks.optional(response);
  }

  /** Whether this attempt ended with a failure (rather than a response). */
  public boolean failed() {
    return failureSeen.isPresent() || error.isPresent();
  }
}
