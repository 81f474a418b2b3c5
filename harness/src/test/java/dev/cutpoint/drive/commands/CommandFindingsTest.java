package dev.cutpoint.drive.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.drive.breezy.ExpectedFindings;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.FaultPlan;
import dev.cutpoint.history.Injection;
import dev.cutpoint.verbs.VerbClass;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.cutpoint.verbs.BreezyVerbTable;
import org.junit.jupiter.api.Test;

/** The reviewed findings for brz-commands cover what they name, and nothing else. */
class CommandFindingsTest {

  private static final BreezyVerbTable CLASSES = BreezyVerbTable.of("3.3.2", Map.of(
      "Branch.unlock", VerbClass.SEMI, "Branch.get_config_file", VerbClass.READ));

  private static CommandCaseResult result(String verb, FaultPlan plan, CommandCheck... checks) {
    List<CommandVerdict.Broken> broken = java.util.Arrays.stream(checks)
        .map(c -> new CommandVerdict.Broken(c, "seen")).toList();
    return new CommandCaseResult(new CutPoint(BrzCommand.PUSH_NEW, verb, plan), Optional.empty(),
        new Injection(true, "fired"), Optional.empty(), 4, "", new CommandVerdict(CommandOutcome.FAILED, broken, ""),
        Map.of(), 1);
  }

  @Test
  void aTracebackAfterAResentUnlockIsTheReviewedFinding() {
    CommandCaseResult judged = CommandMatrix.classify(
        result("Branch.unlock", FaultPlan.read(9, 0, FaultKind.RESET), CommandCheck.TRACEBACK),
        CLASSES, ExpectedFindings.reviewed());
    assertThat(judged.verbClass()).contains(VerbClass.SEMI);
    assertThat(judged.expectedBy()).containsEntry(CommandCheck.TRACEBACK,
        "brz-push-unlock-resent-after-it-ran-ends-in-a-traceback");
    assertThat(judged.newFindings()).isEmpty();
  }

  @Test
  void aTracebackAfterACutInARequestIsNew() {
    CommandCaseResult judged = CommandMatrix.classify(
        result("Branch.unlock", FaultPlan.write(9, 3, FaultKind.CLOSE), CommandCheck.TRACEBACK),
        CLASSES, ExpectedFindings.reviewed());
    assertThat(judged.newFindings()).extracting(CommandVerdict.Broken::check).containsExactly(CommandCheck.TRACEBACK);
  }

  @Test
  void aBlackHoleCoversTheHangAndTheLockItLeavesButNotAFalseSuccess() {
    CommandCaseResult judged = CommandMatrix.classify(
        result("Branch.get_config_file", FaultPlan.read(10, 0, FaultKind.BLACKHOLE),
            CommandCheck.HANGS, CommandCheck.LOCK_LEFT, CommandCheck.RERUN_FAILS, CommandCheck.FALSE_SUCCESS),
        CLASSES, ExpectedFindings.reviewed());
    assertThat(judged.newFindings()).extracting(CommandVerdict.Broken::check)
        .containsExactly(CommandCheck.FALSE_SUCCESS);
  }
}
