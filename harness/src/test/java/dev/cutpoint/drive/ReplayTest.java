package dev.cutpoint.drive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutpoint.check.Invariant;
import dev.cutpoint.fault.Delivery;
import dev.cutpoint.fault.FaultKind;
import dev.cutpoint.fault.Phase;
import dev.cutpoint.verbs.VerbClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {

  @TempDir Path dir;

  private static CaseSpec readCutOnce() {
    return new CaseSpec("java-read-READ-CLOSE-0", 3, new MatrixCell(VerbClass.READ, Phase.READ, FaultKind.CLOSE),
        List.of(RequestDraft.plain("stat", VerbClass.READ, "f0")), 0, 0.4, Delivery.SERVER_RESTART, false);
  }

  @Test
  void aReplayedCaseGetsTheVerdictItWasRecordedWith() throws Exception {
    CaseResult violating;
    try (Target target = JavaTarget.start(TargetSettings.defaults().withMutant(Mutant.RESEND_NONE))) {
      violating = CaseRunner.run(target, readCutOnce());
    }
    assertThat(violating.verdict().of(Invariant.I3)).isNotEmpty();
    Path file = dir.resolve("cases").resolve(violating.id() + ".json");
    CaseFile.of(violating, Mutant.RESEND_NONE).write(file);

    CaseFile read = CaseFile.read(file);
    assertThat(read.record()).isEqualTo(violating.record());
    Replay.Result replayed = Replay.run(read, java.util.Optional.empty());

    assertThat(replayed.replayed().verdict().of(Invariant.I3)).isNotEmpty();
    assertThat(replayed.sameVerdict()).isTrue();
    assertThat(replayed.replayed().record().scenario()).isEqualTo(violating.record().scenario());
  }

  @Test
  void aPassingCaseReplaysAsPassing() throws Exception {
    CaseResult passing;
    try (Target target = JavaTarget.start(TargetSettings.defaults())) {
      passing = CaseRunner.run(target, readCutOnce());
      Replay.Result replayed = Replay.run(CaseFile.of(passing, Mutant.NONE), target);
      assertThat(replayed.replayed().verdict().passed()).isTrue();
      assertThat(replayed.sameVerdict()).isTrue();
    }
  }

  @Test
  void aFileThatIsNoCaseFileIsAClearError() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"format\": \"cutpoint-case/1\", \"id\": 3");
    assertThatThrownBy(() -> CaseFile.read(bad)).isInstanceOf(CaseFileException.class)
        .hasMessageContaining("bad.json").hasMessageContaining("not a cutpoint-case/1 case file");
    assertThatThrownBy(() -> CaseFile.read(dir.resolve("missing.json"))).isInstanceOf(CaseFileException.class)
        .hasMessageContaining("no such file");
  }
}
