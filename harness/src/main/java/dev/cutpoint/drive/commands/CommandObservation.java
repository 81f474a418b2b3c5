package dev.cutpoint.drive.commands;

import java.util.List;
import java.util.Optional;

/**
 * What a cut command case left behind, as plain values for the oracle.
 *
 * @param run the faulted command
 * @param expectedOutput what the command prints without a fault (log, cat), empty where unchecked
 * @param remoteTipBefore the remote tip before the command (empty: no branch yet)
 * @param remoteTipAfter the remote tip after it
 * @param localTipBefore the local tip before it (empty: no local branch)
 * @param localTipAfter the local tip after it
 * @param remoteCheck the remote's {@code brz check}, empty where the command cannot change the
 *     remote (then its tip and locks are compared instead)
 * @param localCheck the local's {@code brz check} after a success, empty otherwise
 * @param remoteLocks locks held on the remote after the command
 * @param rerun the same command again with no fault, after a failure or a hang (after a success
 *     there is nothing to converge: a second {@code branch} or {@code commit} would rightly refuse)
 * @param remoteTipAfterRerun the remote tip after the rerun
 * @param localTipAfterRerun the local tip after the rerun
 * @param rerunOutputRight whether the rerun printed what the fault-free run did (log, cat)
 */
public record CommandObservation(
    BrzCommand command,
    BrzRun run,
    Optional<String> expectedOutput,
    Optional<String> remoteTipBefore,
    Optional<String> remoteTipAfter,
    Optional<String> localTipBefore,
    Optional<String> localTipAfter,
    Optional<BrzRun> remoteCheck,
    Optional<BrzRun> localCheck,
    List<String> remoteLocks,
    Optional<BrzRun> rerun,
    Optional<String> remoteTipAfterRerun,
    Optional<String> localTipAfterRerun,
    boolean rerunOutputRight) {

  public CommandObservation {
    remoteLocks = List.copyOf(remoteLocks);
  }
}
