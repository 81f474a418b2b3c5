package dev.cutpoint.drive.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.drive.breezy.InstalledBreezy;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.FaultPlan;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real brz commands against real brz serve through the embedded proxy, cut by the gate plugin. */
class CommandRunnerTest {

  private static CommandRunner runner;
  private static CommandRecording cat;

  @BeforeAll
  static void start() throws IOException {
    runner = CommandRunner.start(InstalledBreezy.require(), Optional.of("embedded"), 7L);
    cat = runner.record(BrzCommand.CAT);
  }

  @AfterAll
  static void stop() throws IOException {
    runner.close();
  }

  @Test
  void theFaultFreeRunRecordsEveryCallOfTheCommandOnOneConnection() {
    assertThat(cat.calls()).extracting(GateCall::verb)
        .startsWith("BzrDir.open_2.1")
        .contains("Branch.last_revision_info", "Repository.iter_files_bytes");
    assertThat(cat.calls()).allSatisfy(call -> {
      assertThat(call.sendings()).isEqualTo(1);
      assertThat(call.written()).isPositive();
      assertThat(call.read()).isPositive();
      assertThat(call.connection()).hasValue(1);
    });
    assertThat(cat.stdout()).startsWith("cutpoint ").endsWith("revision 1\n");
  }

  @Test
  void aReadVerbCutBeforeItsAnswerIsResentAndTheCommandSucceeds() throws IOException {
    CutPoint cut = new CutPoint(BrzCommand.CAT, "BzrDir.open_2.1", FaultPlan.read(0, 0, FaultKind.CLOSE));
    CommandCaseResult result = runner.run(cut, cat);
    assertThat(result.injection().fired()).as(result.injection().evidence()).isTrue();
    assertThat(result.verdict().outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
    assertThat(result.verdict().passed()).as(result.verdict().broken().toString()).isTrue();
    GateCall faulted = result.faultedCall().orElseThrow();
    assertThat(faulted.sendings()).isEqualTo(2);
    // one-shot: the resend's new connection is not cut
    assertThat(faulted.attempts().get(1).newConnection()).isTrue();
    assertThat(faulted.attempts().get(1).connection()).isNotEqualTo(faulted.attempts().get(0).connection());
    assertThat(faulted.attempts().get(1).failedAt()).isEmpty();
  }

  @Test
  void aBlackHoledCallHangsUntilCtrlCAndLeavesNothingBehind() throws IOException {
    int last = cat.calls().size() - 1;
    CutPoint cut = new CutPoint(BrzCommand.CAT, cat.calls().get(last).verb(),
        FaultPlan.read(last, 0, FaultKind.BLACKHOLE));
    CommandCaseResult result = runner.run(cut, cat);
    assertThat(result.injection().fired()).as(result.injection().evidence()).isTrue();
    assertThat(result.verdict().outcome()).isEqualTo(CommandOutcome.HUNG);
    assertThat(result.verdict().broken()).extracting(CommandVerdict.Broken::check)
        .containsExactly(CommandCheck.HANGS);
  }
}
