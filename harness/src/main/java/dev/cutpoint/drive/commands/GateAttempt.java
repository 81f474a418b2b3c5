package dev.cutpoint.drive.commands;

import dev.cutpoint.fault.AttemptTrace;
import dev.cutpoint.history.FailureSite;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One sending of a request inside a brz command, as the gate plugin saw it (one
 * {@code _send_no_retry}).
 *
 * @param error the exception that ended the attempt, "Type: message", empty when it got its answer
 */
public record GateAttempt(
    int number,
    OptionalLong connection,
    boolean newConnection,
    long bytesWritten,
    boolean writeCompleted,
    long bytesRead,
    Optional<FailureSite> failedAt,
    Optional<String> error) {

  /** As the nemesis reads attempts: a failure here is the connection's (the plugin sees no other). */
  AttemptTrace trace() {
    return new AttemptTrace(number, connection, !newConnection && connection.isPresent(),
        bytesWritten, writeCompleted, bytesRead, failedAt, failedAt.isPresent());
  }
}
