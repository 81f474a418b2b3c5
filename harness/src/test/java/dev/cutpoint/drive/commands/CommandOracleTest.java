package dev.cutpoint.drive.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The user's oracle on literal observations, one group per check. */
class CommandOracleTest {

  private static final String OLD = "3 old-rev";
  private static final String NEW = "4 new-rev";
  private static final String CONNECTION_CLOSED = "brz: ERROR: Connection closed: Unexpected end of message."
      + " Please check connectivity and permissions, and report a bug if problems persist.\n";

  private static BrzRun ok() {
    return new BrzRun(0, "", "", 1, false);
  }

  private static BrzRun failed(String stderr) {
    return new BrzRun(3, "", stderr, 1, false);
  }

  /** A push of NEW onto OLD that ended with {@code run}, left the remote at {@code remote}. */
  private static CommandObservation push(BrzRun run, String remote, List<String> locks, Optional<BrzRun> rerun,
      String remoteAfterRerun) {
    return new CommandObservation(BrzCommand.PUSH_MORE, run, Optional.empty(), Optional.of(OLD),
        Optional.of(remote), Optional.of(NEW), Optional.of(NEW), Optional.of(ok()), Optional.empty(), locks,
        rerun, Optional.of(remoteAfterRerun), Optional.of(NEW), true);
  }

  private static List<CommandCheck> checks(CommandObservation seen) {
    return CommandOracle.judge(seen).broken().stream().map(CommandVerdict.Broken::check).toList();
  }

  @Test
  void aPushThatArrivedAndSaysSoPasses() {
    CommandVerdict verdict = CommandOracle.judge(push(ok(), NEW, List.of(), Optional.empty(), NEW));
    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
    assertThat(verdict.serverRan()).contains("the tip moved");
  }

  @Test
  void aFailureNamingTheConnectionThenARerunThatConvergesPasses() {
    CommandVerdict verdict = CommandOracle.judge(
        push(failed(CONNECTION_CLOSED), OLD, List.of(), Optional.of(ok()), NEW));
    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.outcome()).isEqualTo(CommandOutcome.FAILED);
    assertThat(verdict.serverRan()).contains("did not move");
  }

  @Test
  void successWithTheRemoteTipStillOldIsAFalseSuccess() {
    assertThat(checks(push(ok(), OLD, List.of(), Optional.empty(), OLD))).containsExactly(CommandCheck.FALSE_SUCCESS);
  }

  @Test
  void aTracebackIsNeverAnAnswer() {
    String traceback = "brz: ERROR: exceptions.KeyError: b'x'\n\nTraceback (most recent call last):\n  File ...\n"
        + "*** Breezy has encountered an internal error.  This probably indicates a\n"
        + "    bug in Breezy.  You can help us fix it by filing a bug report at\n";
    CommandVerdict verdict = CommandOracle.judge(push(failed(traceback), OLD, List.of(), Optional.of(ok()), NEW));
    assertThat(verdict.broken()).extracting(CommandVerdict.Broken::check).containsExactly(CommandCheck.TRACEBACK);
    // the report says which error it was, not only Breezy's request for a bug report
    assertThat(verdict.broken().get(0).evidence()).startsWith("brz: ERROR: exceptions.KeyError: b'x'");
  }

  @Test
  void aFailureThatDoesNotNameTheConnectionIsUnnamed() {
    assertThat(checks(push(failed("brz: ERROR: Not a branch: bzr://x/b\n"), OLD, List.of(), Optional.of(ok()), NEW)))
        .containsExactly(CommandCheck.UNNAMED_FAILURE);
  }

  @Test
  void aRemoteTipThatIsNeitherOldNorNewIsWrong() {
    assertThat(checks(push(failed(CONNECTION_CLOSED), "2 older-rev", List.of(), Optional.of(ok()), NEW)))
        .containsExactly(CommandCheck.REMOTE_TIP);
  }

  @Test
  void aRemoteThatFailsBrzCheckIsBroken() {
    CommandObservation seen = new CommandObservation(BrzCommand.PUSH_MORE, failed(CONNECTION_CLOSED),
        Optional.empty(), Optional.of(OLD), Optional.of(OLD), Optional.of(NEW), Optional.of(NEW),
        Optional.of(failed("1 revisions missing\n")), Optional.empty(), List.of(), Optional.of(ok()),
        Optional.of(NEW), Optional.of(NEW), true);
    assertThat(checks(seen)).containsExactly(CommandCheck.REMOTE_BROKEN);
  }

  @Test
  void aLockLeftBehindIsAFindingWithTheCommandThatClearsIt() {
    CommandVerdict verdict = CommandOracle.judge(push(failed(CONNECTION_CLOSED), OLD,
        List.of(".bzr/branch/lock"), Optional.of(failed("brz: ERROR: Could not acquire lock\n")), OLD));
    assertThat(verdict.broken()).extracting(CommandVerdict.Broken::check)
        .containsExactly(CommandCheck.LOCK_LEFT, CommandCheck.RERUN_FAILS);
    assertThat(verdict.broken().get(0).evidence()).contains("brz break-lock");
    assertThat(verdict.serverRan()).contains("Branch.lock_write ran with no Branch.unlock");
  }

  @Test
  void aRerunThatSucceedsWithoutConvergingFails() {
    assertThat(checks(push(failed(CONNECTION_CLOSED), OLD, List.of(), Optional.of(ok()), OLD)))
        .containsExactly(CommandCheck.RERUN_FAILS);
  }

  @Test
  void aHangEndedByCtrlCIsAHang() {
    BrzRun hung = new BrzRun(130, "", "brz: interrupted\n", 1, true);
    CommandVerdict verdict = CommandOracle.judge(push(hung, OLD, List.of(), Optional.of(ok()), NEW));
    assertThat(verdict.outcome()).isEqualTo(CommandOutcome.HUNG);
    assertThat(verdict.broken()).extracting(CommandVerdict.Broken::check).containsExactly(CommandCheck.HANGS);
  }

  @Test
  void aReadOnlyCommandMustPrintWhatItPrintsWithoutAFault() {
    CommandObservation wrong = new CommandObservation(BrzCommand.CAT, new BrzRun(0, "partial", "", 1, false),
        Optional.of("whole file\n"), Optional.of(OLD), Optional.of(OLD), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.of(OLD), Optional.empty(), true);
    assertThat(checks(wrong)).containsExactly(CommandCheck.FALSE_SUCCESS);
    CommandVerdict readOnly = CommandOracle.judge(new CommandObservation(BrzCommand.LOG,
        new BrzRun(0, "same", "", 1, false), Optional.of("same"), Optional.of(OLD), Optional.of(OLD),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
        Optional.of(OLD), Optional.empty(), true));
    assertThat(readOnly.passed()).isTrue();
    assertThat(readOnly.serverRan()).startsWith("undecided");
  }

  @Test
  void aBoundCommitMayLeaveTheRemoteOneRevisionAheadButNoFurther() {
    CommandObservation ahead = new CommandObservation(BrzCommand.COMMIT_BOUND, failed(CONNECTION_CLOSED),
        Optional.empty(), Optional.of(OLD), Optional.of("4 its-commit"), Optional.of(OLD), Optional.of(OLD),
        Optional.of(ok()), Optional.empty(), List.of(), Optional.of(ok()), Optional.of("5 x"), Optional.of("5 x"), true);
    assertThat(checks(ahead)).isEmpty();
    CommandObservation tooFar = new CommandObservation(BrzCommand.COMMIT_BOUND, failed(CONNECTION_CLOSED),
        Optional.empty(), Optional.of(OLD), Optional.of("5 two-commits"), Optional.of(OLD), Optional.of(OLD),
        Optional.of(ok()), Optional.empty(), List.of(), Optional.of(ok()), Optional.of("5 x"), Optional.of("5 x"), true);
    assertThat(checks(tooFar)).containsExactly(CommandCheck.REMOTE_TIP);
  }
}
