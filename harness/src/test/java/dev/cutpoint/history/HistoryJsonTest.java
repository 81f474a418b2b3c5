package dev.cutpoint.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutpoint.verbs.VerbClass;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryJsonTest {

  /** An append cut on read and not resent, as the driver would record it. */
  static CaseRecord appendCutOnRead() {
    Payload payload = Payload.generated("r0-append", 32);
    Request append =
        new Request(0, "append", VerbClass.MUTATE, List.of("f", ""), RequestBody.of(payload), 95,
            Digest.hashHex("append f".getBytes(StandardCharsets.UTF_8)));
    Request hello =
        new Request(1, "hello", VerbClass.READ, List.of(), RequestBody.none(), 40,
            Digest.hashHex("hello".getBytes(StandardCharsets.UTF_8)));
    Scenario scenario =
        new Scenario(42, "java", "java/default", ServerState.empty(), List.of(append),
            Optional.of(FaultPlan.read(0, 3, FaultKind.CLOSE)));
    ErrorRecord lost = new ErrorRecord("ConnectionLost", "EOF after 3 response bytes", MayHaveExecuted.YES);
    Call call =
        new Call(0,
            List.of(Attempt.failed(1, "c1", 95, true, false, new AttemptFailure(FailureSite.READ, lost),
                new RetryDecision(false, "mutate is not resent after a read-phase failure"))),
            CallOutcome.failed(lost), 12, 5000);
    Journal journal =
        new Journal(List.of(new JournalEntry(0, "s1", "append", append.hash(), Reply.success("appended", "0"))));
    ServerState finalState =
        ServerState.of(List.of(StateEntry.file("f", payload.bytes())), List.of());
    Probe probe =
        new Probe(hello, new Call(1, List.of(Attempt.replied(1, "c2", 40, Reply.success("ok", "2"))),
            CallOutcome.replied(Reply.success("ok", "2")), 3, 5000));
    return new CaseRecord(scenario, List.of(call), Optional.of(journal), finalState,
        new Injection(true, "limit_data downstream 3 bytes closed the link"), probe);
  }

  @Test
  void aCaseRecordSurvivesJson(@TempDir Path dir) throws Exception {
    CaseRecord record = appendCutOnRead();
    Path file = dir.resolve("case.json");
    HistoryJson.write(record, file);
    assertThat(HistoryJson.read(file)).isEqualTo(record);
    assertThat(Files.readString(file)).contains("\"mayHaveExecuted\" : \"YES\"");
  }

  @Test
  void absentValuesAreWrittenAsNullAndReadBackAsEmpty() {
    String json = HistoryJson.toJson(appendCutOnRead());
    assertThat(json).contains("\"reply\" : null");
    assertThat(HistoryJson.fromJson(json).calls().get(0).attempts().get(0).reply()).isEmpty();
  }

  @Test
  void unknownFieldsAreRefusedWithTheirPlace() {
    String json = HistoryJson.toJson(appendCutOnRead()).replaceFirst("\"seed\"", "\"sneed\"");
    assertThatThrownBy(() -> HistoryJson.fromJson(json))
        .isInstanceOfSatisfying(HistoryFormatException.class, e -> {
          assertThat(e.line()).isPositive();
          assertThat(e.getMessage()).contains("seed");
        });
  }

  @Test
  void invalidValuesAreRefusedByTheRecords() {
    String json = HistoryJson.toJson(appendCutOnRead()).replace("\"number\" : 1", "\"number\" : 0");
    assertThatThrownBy(() -> HistoryJson.fromJson(json))
        .isInstanceOf(HistoryFormatException.class)
        .hasMessageContaining("numbered from 1");
  }

  @Test
  void missingFieldsAndGarbageAreRefused() {
    assertThatThrownBy(() -> HistoryJson.fromJson("{\"calls\": []}")).isInstanceOf(HistoryFormatException.class);
    assertThatThrownBy(() -> HistoryJson.fromJson("not json")).isInstanceOf(HistoryFormatException.class);
  }

  @Test
  void generatedPayloadsAreMarkerThenLetterFiller() {
    Payload p = Payload.generated("t1", 10);
    assertThat(new String(p.bytes(), StandardCharsets.US_ASCII)).isEqualTo("[t1]abcdef");
    assertThat(p.digest().length()).isEqualTo(10);
    assertThatThrownBy(() -> Payload.generated("t[1", 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Payload.generated("t1", 3)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Payload.literal("0,4\n").size()).isEqualTo(4);
  }

  @Test
  void smallFilesCarryTheirContentLargeOnesOnlyADigest() {
    assertThat(StateEntry.file("f", "abc").content()).contains("abc");
    assertThat(StateEntry.file("g", new byte[StateEntry.SMALL_FILE_LIMIT + 1]).content()).isEmpty();
  }

  @Test
  void recordsRefuseInconsistentShapes() {
    assertThatThrownBy(() -> new RequestBody(BodyKind.BYTES, Optional.empty(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CallOutcome(OutcomeKind.SUCCESS, Optional.of(Reply.error("NoSuchFile")), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Attempt(1, "c", 0, false, false, Optional.empty(), Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
