package dev.cutpoint.drive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.check.Oracle;
import dev.cutpoint.check.Verdict;
import dev.cutpoint.history.Attempt;
import dev.cutpoint.history.Call;
import dev.cutpoint.history.CaseRecord;
import dev.cutpoint.history.Delivery;
import dev.cutpoint.history.FailureSite;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.OutcomeKind;
import dev.cutpoint.history.Phase;
import dev.cutpoint.verbs.VerbClass;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The java target runs a case and records every attempt of every call, then the probe. */
class JavaTargetTest {

  private static Target target;

  @BeforeAll
  static void start() throws Exception {
    target = JavaTarget.start(TargetSettings.defaults());
  }

  @AfterAll
  static void stop() {
    target.close();
  }

  private static CaseSpec spec(MatrixCell cell, double fraction, RequestDraft... requests) {
    int faultIndex = requests.length - 1;
    return new CaseSpec("t", 5, cell, List.of(requests), faultIndex, fraction, Delivery.SERVER_RESTART, false);
  }

  @Test
  void theRunnerRecordsEveryAttemptOfACutCall() throws Exception {
    CaseSpec spec = spec(new MatrixCell(VerbClass.READ, Phase.READ, FaultKind.CLOSE), 0.5,
        RequestDraft.withPayload("put", VerbClass.IDEM, "t0", 100, "f1", ""),
        RequestDraft.plain("get", VerbClass.READ, "f1"));
    PreparedCase prepared = target.prepare(spec);
    long m = prepared.responseLengths().get(1);
    assertThat(m).isGreaterThan(100);
    CaseRecord record = target.run(prepared);

    assertThat(record.scenario().fault()).get().satisfies(f -> assertThat(f.offset()).isEqualTo(m / 2));
    assertThat(record.injection().fired()).as(record.injection().evidence()).isTrue();
    Call put = record.calls().get(0);
    assertThat(put.attempts()).hasSize(1);
    assertThat(put.outcome().kind()).isEqualTo(OutcomeKind.SUCCESS);
    Call get = record.calls().get(1);
    assertThat(get.attempts()).hasSize(2);
    Attempt cut = get.attempts().get(0);
    assertThat(cut.connectionId()).isEqualTo(put.attempts().get(0).connectionId());
    assertThat(cut.bytesWritten()).isEqualTo(record.scenario().requests().get(1).encodedLength());
    assertThat(cut.writeCompleted()).isTrue();
    assertThat(cut.failure()).get().satisfies(f -> assertThat(f.site()).isEqualTo(FailureSite.READ));
    assertThat(cut.decision()).get().satisfies(d -> assertThat(d.resend()).isTrue());
    Attempt resent = get.attempts().get(1);
    assertThat(resent.connectionId()).isNotEqualTo(cut.connectionId());
    assertThat(resent.reply()).get().satisfies(r -> assertThat(r.args()).containsExactly("ok"));
    assertThat(get.outcome().kind()).isEqualTo(OutcomeKind.SUCCESS);
    assertThat(record.journal()).get().satisfies(j -> assertThat(j.entries()).hasSize(4));
    assertThat(record.probe().call().outcome().kind()).isEqualTo(OutcomeKind.SUCCESS);
    assertThat(record.finalState().entry("f1")).isPresent();
    Verdict verdict = Oracle.judge(record);
    assertThat(verdict.violations()).isEmpty();
  }

  @Test
  void aWriteCutOfASmallMutatingCallIsSeenOnReadAndFailsLoudlyWithoutRunning() throws Exception {
    CaseSpec spec = spec(new MatrixCell(VerbClass.MUTATE, Phase.WRITE, FaultKind.CLOSE), 0.3,
        RequestDraft.withPayload("append", VerbClass.MUTATE, "t0", 200, "f0", ""));
    CaseRecord record = target.run(target.prepare(spec));

    assertThat(record.injection().fired()).isTrue();
    Call append = record.calls().get(0);
    assertThat(append.attempts()).hasSize(1);
    assertThat(append.attempts().get(0).failure()).get()
        .satisfies(f -> assertThat(f.site()).isEqualTo(FailureSite.READ));
    assertThat(append.outcome().error()).get().satisfies(e -> assertThat(e.type()).isEqualTo("ConnectionLost"));
    // only the probe ran: the server never had the append's terminal byte
    assertThat(record.journal().orElseThrow().entries()).extracting(e -> e.verb()).containsExactly("has");
    assertThat(Oracle.judge(record).violations()).isEmpty();
  }

  /**
   * Whether the client notices a cut while still writing is a race between its writes and the
   * proxy's close (loopback buffers hold megabytes); with a body of 4 MiB it wins about half the
   * time here, so a few tries show it, and every try must end well either way.
   */
  @Test
  void aWriteCutOfAMegabyteBodyIsSeenOnWriteAndResent() throws Exception {
    boolean seenOnWrite = false;
    for (int i = 0; i < 20 && !seenOnWrite; i++) {
      CaseSpec spec = spec(new MatrixCell(VerbClass.IDEM, Phase.WRITE, FaultKind.CLOSE), 0.01,
          RequestDraft.withPayload("put", VerbClass.IDEM, "t0", 4 * 1024 * 1024, "f1", ""));
      CaseRecord record = target.run(target.prepare(spec));
      Call put = record.calls().get(0);
      Attempt cut = put.attempts().get(0);
      if (cut.failure().orElseThrow().site() == FailureSite.WRITE) {
        seenOnWrite = true;
        assertThat(cut.writeCompleted()).isFalse();
        assertThat(cut.decision()).get().satisfies(d -> assertThat(d.reason()).isEqualTo("not_received"));
      }
      assertThat(put.outcome().kind()).isEqualTo(OutcomeKind.SUCCESS);
      assertThat(Oracle.judge(record).violations()).isEmpty();
    }
    assertThat(seenOnWrite).as("a cut noticed on write in 20 tries").isTrue();
  }

  @Test
  void theServersRestartBetweenRequestsIsBug819604() throws Exception {
    CaseSpec spec = spec(new MatrixCell(VerbClass.READ, Phase.BETWEEN, FaultKind.CLOSE), 0,
        RequestDraft.plain("hello", VerbClass.READ), RequestDraft.plain("get", VerbClass.READ, "f0"));
    CaseRecord record = target.run(target.prepare(spec));

    assertThat(record.injection().evidence()).contains("graceful restart");
    Call get = record.calls().get(1);
    assertThat(get.attempts()).hasSize(2);
    assertThat(get.outcome().kind()).isEqualTo(OutcomeKind.SUCCESS);
    assertThat(Oracle.judge(record).violations()).isEmpty();
  }

  /**
   * The black hole swallows the answer; the harness sees it fall and moves the client's clock to
   * its deadline, so the client's own timeout ends the attempt: one timeout on the clock, whatever
   * the machine's speed, and no other call loses a moment.
   */
  @Test
  void aBlackHoleCostsTheCallOneTimeoutOnTheHarnessClock() throws Exception {
    for (Phase phase : List.of(Phase.READ, Phase.WRITE)) {
      CaseSpec spec = spec(new MatrixCell(VerbClass.IDEM, phase, FaultKind.BLACKHOLE), 0,
          RequestDraft.plain("hello", VerbClass.READ),
          RequestDraft.withPayload("put", VerbClass.IDEM, "t0", 3000, "f1", ""));
      CaseRecord record = target.run(target.prepare(spec));

      assertThat(record.injection().fired()).as(record.injection().evidence()).isTrue();
      Call put = record.calls().get(1);
      assertThat(put.attempts()).hasSize(2);
      assertThat(put.attempts().get(0).failure()).get()
          .satisfies(f -> assertThat(f.error().type()).isEqualTo("SocketTimeoutException"));
      assertThat(put.outcome().kind()).isEqualTo(OutcomeKind.SUCCESS);
      assertThat(put.elapsedMillis()).isEqualTo(TargetSettings.DEFAULT_CALL_TIMEOUT.toMillis());
      assertThat(put.hung()).isEmpty();
      assertThat(record.calls().get(0).elapsedMillis()).isZero();
      assertThat(record.journal().orElseThrow().entries()).extracting(e -> e.verb())
          .as(phase + ": the put ran once if its request got through, then once more when resent")
          .containsExactlyElementsOf(phase == Phase.READ
              ? List.of("hello", "put", "put", "has")
              : List.of("hello", "put", "has"));
      assertThat(Oracle.judge(record).violations()).isEmpty();
    }
  }

  @Test
  void casesDoNotLeakIntoEachOther() throws Exception {
    CaseSpec spec = spec(new MatrixCell(VerbClass.SEMIVFS, Phase.READ, FaultKind.CLOSE), 0.1,
        RequestDraft.plain("mkdir", VerbClass.SEMIVFS, "e", ""));
    CaseRecord first = target.run(target.prepare(spec));
    CaseRecord second = target.run(target.prepare(spec));
    assertThat(second.finalState()).isEqualTo(first.finalState());
    assertThat(second.journal().orElseThrow().entries()).hasSameSizeAs(first.journal().orElseThrow().entries());
    assertThat(second.calls().get(0).outcome().kind()).isEqualTo(OutcomeKind.FAILED);
  }
}
