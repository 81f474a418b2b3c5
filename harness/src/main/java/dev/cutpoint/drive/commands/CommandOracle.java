package dev.cutpoint.drive.commands;

import dev.cutpoint.drive.commands.CommandVerdict.Broken;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The user's truth (issue 11 part 3), from a {@link CommandObservation} alone: the command succeeds
 * with the right result or fails naming the connection; the remote passes {@code brz check}, its tip
 * is the old or the new one, no lock is left; the same command without a fault then succeeds and
 * converges.
 */
public final class CommandOracle {

  /**
   * An error that names the connection failure: Breezy's ConnectionReset ("Connection closed: …"),
   * ConnectionError, or the socket's own errors (EPIPE, ECONNRESET).
   */
  private static final Pattern CONNECTION_FAILURE = Pattern.compile(
      "(?i)connection (closed|reset|lost|refused|error)|broken pipe|connection reset by peer"
          + "|unexpected end of message|errno 32|errno 104");

  private CommandOracle() {}

  public static CommandVerdict judge(CommandObservation seen) {
    List<Broken> broken = new ArrayList<>();
    BrzRun run = seen.run();
    CommandOutcome outcome = run.interrupted()
        ? CommandOutcome.HUNG
        : run.succeeded() ? CommandOutcome.SUCCEEDED : CommandOutcome.FAILED;
    if (outcome == CommandOutcome.HUNG) {
      broken.add(new Broken(CommandCheck.HANGS, "the call's bytes fell into the black hole and brz"
          + " waited with no timeout until the harness pressed Ctrl-C"));
    }
    if (run.traceback()) {
      broken.add(new Broken(CommandCheck.TRACEBACK, run.errorLine() + " (and a traceback: 'bug in Breezy')"));
    }
    if (outcome == CommandOutcome.SUCCEEDED) {
      rightResult(seen).ifPresent(why -> broken.add(new Broken(CommandCheck.FALSE_SUCCESS, why)));
    } else if (outcome == CommandOutcome.FAILED && !run.traceback()
        && !CONNECTION_FAILURE.matcher(run.stderr()).find()) {
      broken.add(new Broken(CommandCheck.UNNAMED_FAILURE, "exit " + run.exitCode() + ": " + run.stderrTail()));
    }
    seen.remoteCheck().filter(c -> !c.succeeded()).ifPresent(c ->
        broken.add(new Broken(CommandCheck.REMOTE_BROKEN, "brz check: " + c.stderrTail())));
    remoteTip(seen).ifPresent(why -> broken.add(new Broken(CommandCheck.REMOTE_TIP, why)));
    if (!seen.remoteLocks().isEmpty()) {
      broken.add(new Broken(CommandCheck.LOCK_LEFT, "held on the remote: " + String.join(", ", seen.remoteLocks())
          + "; cleared by: brz break-lock --force bzr://HOST:PORT/b"));
    }
    rerun(seen).ifPresent(why -> broken.add(new Broken(CommandCheck.RERUN_FAILS, why)));
    return new CommandVerdict(outcome, broken, serverRan(seen));
  }

  /** Why an exit 0 is not the right result, if it is not. */
  private static Optional<String> rightResult(CommandObservation seen) {
    BrzCommand command = seen.command();
    if (command.readOnly()) {
      return seen.expectedOutput().filter(expected -> !expected.equals(seen.run().stdout()))
          .map(expected -> "printed " + seen.run().stdout().length() + " characters, not the "
              + expected.length() + " of the fault-free run");
    }
    if (seen.localCheck().isPresent() && !seen.localCheck().get().succeeded()) {
      return Optional.of("the local branch fails brz check: " + seen.localCheck().get().stderrTail());
    }
    if (!seen.remoteTipAfter().equals(seen.localTipAfter())) {
      return Optional.of("remote tip " + seen.remoteTipAfter().orElse("none") + " but local tip "
          + seen.localTipAfter().orElse("none"));
    }
    if (command == BrzCommand.COMMIT_BOUND && seen.localTipAfter().equals(seen.localTipBefore())) {
      return Optional.of("no new revision was committed");
    }
    return Optional.empty();
  }

  /** Why the remote tip is neither the old one nor the new one, if it is not. */
  private static Optional<String> remoteTip(CommandObservation seen) {
    Optional<String> before = seen.remoteTipBefore();
    Optional<String> after = seen.remoteTipAfter();
    if (after.equals(before)) {
      return Optional.empty();
    }
    if (!seen.command().writesRemote()) {
      return Optional.of("a command that only reads the remote moved its tip from "
          + before.orElse("none") + " to " + after.orElse("none"));
    }
    Optional<String> wanted = seen.command() == BrzCommand.COMMIT_BOUND
        ? Optional.empty()
        : seen.localTipBefore();
    if (wanted.isPresent()) {
      return after.equals(wanted) ? Optional.empty()
          : Optional.of("remote tip " + after.orElse("none") + ", neither the old "
              + before.orElse("none") + " nor the pushed " + wanted.get());
    }
    // a bound commit's new revision: one more than the old tip
    long oldRevno = before.map(CommandOracle::revno).orElse(0L);
    return after.map(CommandOracle::revno).filter(r -> r == oldRevno + 1).isPresent()
        ? Optional.empty()
        : Optional.of("remote tip " + after.orElse("none") + " is not one revision past " + before.orElse("none"));
  }

  private static Optional<String> rerun(CommandObservation seen) {
    if (seen.rerun().isEmpty()) {
      return Optional.empty();
    }
    BrzRun rerun = seen.rerun().get();
    if (!rerun.succeeded()) {
      return Optional.of("exit " + rerun.exitCode() + ": " + rerun.stderrTail());
    }
    if (seen.command().readOnly()) {
      return seen.rerunOutputRight() ? Optional.empty()
          : Optional.of("the rerun printed something else than the fault-free run");
    }
    if (!seen.remoteTipAfterRerun().equals(seen.localTipAfterRerun())) {
      return Optional.of("after the rerun the remote tip is " + seen.remoteTipAfterRerun().orElse("none")
          + " and the local one " + seen.localTipAfterRerun().orElse("none"));
    }
    return Optional.empty();
  }

  private static String serverRan(CommandObservation seen) {
    if (!seen.command().writesRemote()) {
      return "undecided: the command only reads the remote, and read verbs leave no state";
    }
    boolean moved = !seen.remoteTipAfter().equals(seen.remoteTipBefore());
    String tip = moved
        ? "the tip moved: Branch.set_last_revision_info (or the branch's creation) ran"
        : "the tip did not move: no Branch.set_last_revision_info ran";
    return seen.remoteLocks().isEmpty() ? tip
        : tip + "; a Branch.lock_write ran with no Branch.unlock after it";
  }

  static long revno(String tip) {
    int space = tip.indexOf(' ');
    try {
      return Long.parseLong(space < 0 ? tip : tip.substring(0, space));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
