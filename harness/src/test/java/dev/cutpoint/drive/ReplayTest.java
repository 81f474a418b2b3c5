package dev.cutpoint.drive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutpoint.check.Invariant;
import dev.cutpoint.history.Delivery;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.Phase;
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

  /**
   * Case files written before the plan recorded persistence and the calls recorded a hung call
   * (cutpoint-case/1, from the reports of earlier nightly runs) still replay: a persistent one
   * keeps its persistence, so the oracle still accepts its loud failure.
   */
  @Test
  void aCaseFileOfTheFirstFormatStillReplays() throws Exception {
    for (String name : List.of("case-1-persistent.json", "case-1-blackhole.json")) {
      Path old = dir.resolve(name);
      try (var in = ReplayTest.class.getResourceAsStream(name)) {
        Files.copy(in, old);
      }
      CaseFile read = CaseFile.read(old);
      assertThat(read.format()).isEqualTo(CaseFile.FORMAT);
      assertThat(read.record().scenario().fault()).get()
          .satisfies(f -> assertThat(f.persistent()).isEqualTo(read.persistent()));
      assertThat(read.record().calls()).allSatisfy(c -> assertThat(c.hung()).isEmpty());
      Replay.Result replayed = Replay.run(read, java.util.Optional.empty());
      assertThat(replayed.replayed().verdict().passed()).as(name).isTrue();
    }
  }

  /**
   * A case file of the second format (cutpoint-case/2: its hashes are SHA-256s, named
   * {@code sha256}) reads with its hashes under their new names and replays: its requests are
   * hashed again, so that the journal, which hashes as it does now, finds every one of them.
   */
  @Test
  void aCaseFileOfTheSecondFormatStillReplays() throws Exception {
    Path old = dir.resolve("case-2-read-close.json");
    try (var in = ReplayTest.class.getResourceAsStream("case-2-read-close.json")) {
      Files.copy(in, old);
    }
    CaseFile read = CaseFile.read(old);
    assertThat(read.format()).isEqualTo(CaseFile.FORMAT);
    assertThat(read.record().scenario().requests()).allSatisfy(r -> assertThat(r.hash()).hasSize(64));
    assertThat(read.record().journal()).get().satisfies(j -> assertThat(j.entries())
        .isNotEmpty().allSatisfy(e -> assertThat(e.requestHash()).hasSize(64)));

    Replay.Result replayed = Replay.run(read, java.util.Optional.empty());

    assertThat(replayed.replayed().verdict().passed()).isTrue();
    assertThat(replayed.replayed().record().scenario().requests())
        .allSatisfy(r -> assertThat(r.hash()).hasSize(24));
    assertThat(replayed.replayed().record().journal()).get().satisfies(j -> assertThat(j.entries())
        .hasSizeGreaterThanOrEqualTo(read.record().scenario().requests().size()));
  }

  /** Hashed again, a request must keep its recorded length: the fault's offsets count in it. */
  @Test
  void anOlderCaseFileWhoseRequestsThisClientSendsOtherwiseIsAClearError() throws Exception {
    String json;
    try (var in = ReplayTest.class.getResourceAsStream("case-2-read-close.json")) {
      json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    String longer = json.replaceFirst("\"encodedLength\" : (\\d+)", "\"encodedLength\" : 1$1");
    assertThat(longer).isNotEqualTo(json);
    Path old = dir.resolve("case-2-other-client.json");
    Files.writeString(old, longer);

    assertThatThrownBy(() -> Replay.run(CaseFile.read(old), java.util.Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("request 0 (delete) was 1")
        .hasMessageContaining("replay it with the client that recorded it");
  }

  @Test
  void aFileThatIsNoCaseFileIsAClearError() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"format\": \"cutpoint-case/1\", \"id\": 3");
    assertThatThrownBy(() -> CaseFile.read(bad)).isInstanceOf(CaseFileException.class)
        .hasMessage(bad + " is not JSON: line 1, column 38: Unexpected end-of-input: expected close marker for Object"
            + " (start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1])");
    Path binary = dir.resolve("binary.json");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 'x'});
    assertThatThrownBy(() -> CaseFile.read(binary)).isInstanceOf(CaseFileException.class)
        .hasMessage(binary + " is not UTF-8 text: a case file is JSON written by matrix");
    Path partial = dir.resolve("partial.json");
    Files.writeString(partial, "{\"format\": \"cutpoint-case/2\", \"id\": \"x\"}");
    assertThatThrownBy(() -> CaseFile.read(partial)).isInstanceOf(CaseFileException.class)
        .satisfies(e -> assertThat(((CaseFileException) e).problem()).isEqualTo(CaseFileException.Problem.NOT_A_CASE_FILE))
        .hasMessageStartingWith(partial + " is not a case file: at $")
        .hasMessageEndingWith(": missing")
        .hasMessageNotContaining("DeserializationFeature");
    assertThatThrownBy(() -> CaseFile.read(dir.resolve("missing.json"))).isInstanceOf(CaseFileException.class)
        .hasMessageContaining("no such file");
  }
}
