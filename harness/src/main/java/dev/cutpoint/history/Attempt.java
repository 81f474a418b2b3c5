package dev.cutpoint.history;

import java.util.Objects;
import java.util.Optional;

/**
 * One attempt of a call, as the client saw it (SPEC §6): its number (1 is the first try), the
 * connection it used, how many request bytes the client wrote and whether the write completed,
 * then either the reply it got or where and how it failed, and after a failure the client's retry
 * decision. {@code bodyStreamStarted} says whether the client had begun consuming the request's body
 * stream (SPEC §1: no resend after that, in any phase); it is false for requests without a stream
 * and for attempts that got a reply. {@code connectionId} is the client's name for the connection; the server's journal has
 * its own names, not comparable with these.
 */
public record Attempt(
    int number,
    String connectionId,
    long bytesWritten,
    boolean writeCompleted,
    boolean bodyStreamStarted,
    Optional<Reply> reply,
    Optional<AttemptFailure> failure,
    Optional<RetryDecision> decision) {

  public Attempt {
    Objects.requireNonNull(connectionId, "connectionId");
    Objects.requireNonNull(reply, "reply");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(decision, "decision");
    if (number < 1) {
      throw new IllegalArgumentException("attempts are numbered from 1, was " + number);
    }
    if (bytesWritten < 0) {
      throw new IllegalArgumentException("bytesWritten must be >= 0, was " + bytesWritten);
    }
    if (reply.isPresent() == failure.isPresent()) {
      throw new IllegalArgumentException("an attempt either got a reply or failed, not both nor neither");
    }
    if (reply.isPresent() && decision.isPresent()) {
      throw new IllegalArgumentException("only a failed attempt has a retry decision");
    }
  }

  /** An attempt that got a reply. */
  public static Attempt replied(int number, String connectionId, long bytesWritten, Reply reply) {
    return new Attempt(
        number, connectionId, bytesWritten, true, false, Optional.of(reply), Optional.empty(), Optional.empty());
  }

  /** An attempt that failed, with the client's decision about resending (or not). */
  public static Attempt failed(
      int number,
      String connectionId,
      long bytesWritten,
      boolean writeCompleted,
      boolean bodyStreamStarted,
      AttemptFailure failure,
      RetryDecision decision) {
    return new Attempt(
        number,
        connectionId,
        bytesWritten,
        writeCompleted,
        bodyStreamStarted,
        Optional.empty(),
        Optional.of(failure),
        Optional.of(decision));
  }
}
