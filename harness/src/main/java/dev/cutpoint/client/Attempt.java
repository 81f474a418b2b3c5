package dev.cutpoint.client;

import dev.cutpoint.wire.Message;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one attempt of a call did, for the history (SPEC §6): where it went, how far it got, what
 * came back, what failed and what the retry policy made of it.
 *
 * @param verb the call's verb
 * @param number 1 for the first attempt, 2 for the resend
 * @param connectionId the connection used; empty if none could be opened
 * @param reusedConnection the connection was left open by an earlier call (it may have died
 *     since: bug 819604)
 * @param bytesWritten request bytes handed to the socket
 * @param writeCompleted the whole request, terminal {@code e} included, was handed to the socket
 * @param bodyStreamStarted the request's body stream had started to be consumed when this attempt
 *     ended (by this attempt or an earlier one): no resend is allowed after that, in any phase
 * @param bodyChunksTaken chunks of the body stream taken by this attempt
 * @param bytesRead response bytes received
 * @param response the response, error responses included; empty if none arrived whole
 * @param failedAt where a failure was noticed; empty if the attempt got its response
 * @param error the failure: an {@link java.io.IOException} (a lost or stalled connection) or a
 *     {@link dev.cutpoint.wire.ProtocolError}
 * @param decision the retry policy's verdict on the failure; empty for a response, and for a
 *     protocol error (never resent, like Breezy's {@code SmartProtocolError})
 */
public record Attempt(
    String verb,
    int number,
    OptionalLong connectionId,
    boolean reusedConnection,
    long bytesWritten,
    boolean writeCompleted,
    boolean bodyStreamStarted,
    int bodyChunksTaken,
    long bytesRead,
    Optional<Message> response,
    Optional<FailureSite> failedAt,
    Optional<Exception> error,
    Optional<RetryDecision> decision) {

  /** Whether this attempt was followed by a resend. */
  public boolean resent() {
    return decision.map(RetryDecision::resend).orElse(false);
  }
}
