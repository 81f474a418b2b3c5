package dev.cutpoint.fault;

import dev.cutpoint.history.FailureSite;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One attempt as the nemesis reads it, from whichever client made it: what the client recorded of
 * its connection and bytes, enough to tell whether, and where, the armed fault fired.
 *
 * @param connectionId the client's id of the connection, empty when none was opened
 * @param reusedConnection whether the connection was kept from an earlier call
 * @param failedAt where the attempt failed, empty when it got an answer
 * @param connectionLost whether it failed because the connection did (not a protocol error, nor the
 *     caller's own body stream)
 */
public record AttemptTrace(
    int number,
    OptionalLong connectionId,
    boolean reusedConnection,
    long bytesWritten,
    boolean writeCompleted,
    long bytesRead,
    Optional<FailureSite> failedAt,
    boolean connectionLost) {

  public AttemptTrace {
    Objects.requireNonNull(connectionId, "connectionId");
    Objects.requireNonNull(failedAt, "failedAt");
  }
}
