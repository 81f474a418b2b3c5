package dev.cutpoint.check;

import static dev.cutpoint.check.Cases.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.history.Attempt;
import dev.cutpoint.history.AttemptFailure;
import dev.cutpoint.history.Call;
import dev.cutpoint.history.CallOutcome;
import dev.cutpoint.history.CaseRecord;
import dev.cutpoint.history.Delivery;
import dev.cutpoint.history.ErrorRecord;
import dev.cutpoint.history.FailureSite;
import dev.cutpoint.verbs.VerbClass;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.FaultPlan;
import dev.cutpoint.history.HeldLock;
import dev.cutpoint.history.HistoryJson;
import dev.cutpoint.history.MayHaveExecuted;
import dev.cutpoint.history.Payload;
import dev.cutpoint.history.Phase;
import dev.cutpoint.history.Reply;
import dev.cutpoint.history.Request;
import dev.cutpoint.history.RetryDecision;
import dev.cutpoint.history.StateEntry;
import dev.cutpoint.history.StreamRecord;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One literal history per anomaly, Elle-style: each breaks exactly the invariant named (or the
 * pair that one wrong action breaks together), a clean history passes, and the subtle histories a
 * correct system produces under faults are accepted.
 */
class OracleTest {

  static Set<Invariant> broken(Verdict verdict) {
    return verdict.violations().stream().map(Violation::invariant).collect(Collectors.toSet());
  }

  static List<OutcomeClass> classes(Verdict verdict) {
    return verdict.calls().stream().map(CallVerdict::outcome).toList();
  }

  @Nested
  class Clean {

    final Request put = put(0, "f", "r0");
    final Request append = append(1, "f", "r1");
    final Request get = get(2, "f");
    final Request mkdir = mkdir(3, "d");

    Cases.Builder history() {
      return scenario(put, append, get, mkdir)
          .calls(
              firstTry(0, ok()),
              firstTry(1, appended(32)),
              firstTry(2, fileBody(payload("r0"), payload("r1"))),
              firstTry(3, ok()))
          .finalState(file("f", payload("r0"), payload("r1")), StateEntry.directory("d"));
    }

    @Test
    void aCleanHistoryWithAJournalPasses() {
      Verdict verdict =
          Oracle.judge(
              history()
                  .journal(
                      ran(0, put, ok()), ran(1, append, appended(32)),
                      ran(2, get, fileBody(payload("r0"), payload("r1"))), ran(3, mkdir, ok()))
                  .build());
      assertThat(verdict.violations()).isEmpty();
      assertThat(verdict.undecided()).isEmpty();
      assertThat(verdict.harnessDefects()).isEmpty();
      assertThat(classes(verdict)).containsOnly(OutcomeClass.FIRST_TRY);
    }

    @Test
    void aCleanHistoryWithoutAJournalPasses() {
      Verdict verdict = Oracle.judge(history().noJournal().build());
      assertThat(verdict.violations()).isEmpty();
      assertThat(verdict.undecided()).isEmpty();
    }

    @Test
    void aVerdictSurvivesJson() throws Exception {
      Verdict verdict =
          new Verdict(List.of(new Violation(Invariant.I2, 0, "ran twice")), List.of(new Undecided(Invariant.I1, 1, "why")),
              List.of(new CallVerdict(0, OutcomeClass.VIOLATION)), List.of("never fired"));
      var mapper = HistoryJson.mapper();
      assertThat(mapper.readValue(mapper.writeValueAsString(verdict), Verdict.class)).isEqualTo(verdict);
    }

    @Test
    void theVerdictIsTheSameAfterTheCaseFileRoundTrip() {
      CaseRecord record = history().noJournal().build();
      assertThat(Oracle.judge(HistoryJson.fromJson(HistoryJson.toJson(record)))).isEqualTo(Oracle.judge(record));
    }
  }

  @Nested
  class I1NoPartialExecution {

    final Request append = append(0, "f", "r0");

    /** The mutant server that executes a message missing its terminal {@code e}. */
    @Test
    void aJournalEntryForAMessageMissingItsTerminalByte() {
      Verdict verdict =
          Oracle.judge(
              scenario(append)
                  .fault(FaultPlan.flush(0, append.encodedLength() - 1, FaultKind.CLOSE))
                  .calls(failedLoudly(0, FailureSite.READ, true, "MAY_HAVE_EXECUTED"))
                  .journal(new dev.cutpoint.history.JournalEntry(0, "s0", "append", hashOf("all but e"), appended(0)))
                  .finalState(file("f", payload("r0")))
                  .build());
      assertThat(broken(verdict)).containsExactly(Invariant.I1);
      assertThat(verdict.of(Invariant.I1).get(0).evidence())
          .contains("request 0 append(f, )")
          .contains("k=" + (append.encodedLength() - 1))
          .contains("not the whole request");
      assertThat(classes(verdict)).containsExactly(OutcomeClass.VIOLATION);
    }

    @Test
    void withoutAJournalTheWholePayloadOfAnIncompleteMessageShowsInTheState() {
      Verdict verdict =
          Oracle.judge(
              scenario(append)
                  .fault(FaultPlan.flush(0, append.encodedLength() - 1, FaultKind.CLOSE))
                  .calls(failedLoudly(0, FailureSite.READ, true, "MAY_HAVE_EXECUTED"))
                  .noJournal()
                  .finalState(file("f", payload("r0")))
                  .build());
      assertThat(broken(verdict)).containsExactly(Invariant.I1);
      assertThat(verdict.of(Invariant.I1).get(0).evidence()).contains("f = [r0]");
    }

    @Test
    void withoutAJournalAPartOfAPayloadShowsInTheState() {
      Payload body = Payload.generated("r0", 100);
      Request big = withBody(0, "append", dev.cutpoint.verbs.VerbClass.MUTATE, body, "f", "");
      byte[] partial = java.util.Arrays.copyOf(body.bytes(), 40);
      byte[] state = new byte[140];
      System.arraycopy(partial, 0, state, 0, 40);
      System.arraycopy(body.bytes(), 0, state, 40, 100);
      Verdict verdict =
          Oracle.judge(
              scenario(big)
                  .fault(FaultPlan.write(0, 50, FaultKind.CLOSE))
                  .calls(resent(0, FailureSite.WRITE, false, "NOT_RECEIVED", appended(40)))
                  .noJournal()
                  .finalState(StateEntry.file("f", state))
                  .build());
      assertThat(broken(verdict)).containsExactly(Invariant.I1);
      assertThat(verdict.of(Invariant.I1).get(0).evidence()).contains("holds 40 of the 100 bytes");
      assertThat(verdict.undecided()).extracting(Undecided::invariant).contains(Invariant.I7);
    }
  }

  @Nested
  class I2AtMostOnce {

    final Request append = append(0, "f", "r0");

    /** The resend-everything mutant: a mutate call resent after a read-phase failure. */
    @Test
    void anAppendResentAfterItsReplyWasLostRunsTwice() {
      Verdict verdict =
          Oracle.judge(
              scenario(append)
                  .fault(FaultPlan.read(0, 0, FaultKind.CLOSE))
                  .calls(resent(0, FailureSite.READ, true, "RESENDS_EVERYTHING", appended(32)))
                  .journal(ran(0, append, appended(0)), ran(1, append, appended(32)))
                  .finalState(file("f", payload("r0"), payload("r0")))
                  .build());
      assertThat(broken(verdict)).containsExactlyInAnyOrder(Invariant.I2, Invariant.I4);
      assertThat(verdict.of(Invariant.I2).get(0).evidence()).contains("ran 2 times").contains("journal entry #1");
    }

    @Test
    void withoutAJournalTheDoubledPayloadIsTheEvidence() {
      Verdict verdict =
          Oracle.judge(
              scenario(append)
                  .fault(FaultPlan.read(0, 0, FaultKind.CLOSE))
                  .calls(resent(0, FailureSite.READ, true, "RESENDS_EVERYTHING", appended(32)))
                  .noJournal()
                  .finalState(file("f", payload("r0"), payload("r0")))
                  .build());
      assertThat(broken(verdict)).containsExactlyInAnyOrder(Invariant.I2, Invariant.I4);
      assertThat(verdict.of(Invariant.I2).get(0).evidence()).contains("f = [r0] [r0]");
    }

    /** A server that runs one delivered request twice breaks I2 alone: the client did nothing wrong. */
    @Test
    void aServerThatRunsOneMkdirTwice() {
      Request mkdir = mkdir(0, "d");
      Verdict verdict =
          Oracle.judge(
              scenario(mkdir)
                  .calls(firstTry(0, Reply.error("FileExists", "d")))
                  .journal(ran(0, mkdir, ok()), ran(1, mkdir, Reply.error("FileExists", "d")))
                  .finalState(StateEntry.directory("d"))
                  .build());
      assertThat(broken(verdict)).containsExactly(Invariant.I2);
    }
  }

  @Nested
  class I3SafeRetry {

    final Request get = get(0, "f");
    final Payload content = payload("r9");

    /** The resend-nothing mutant (or Breezy's -Dnoretry): a read call dies with its connection. */
    @Test
    void aReadCallCutOnReadIsNotResent() {
      Verdict verdict =
          Oracle.judge(
              scenario(get)
                  .initially(file("f", content))
                  .fault(FaultPlan.read(0, 5, FaultKind.CLOSE))
                  .calls(failedLoudly(0, FailureSite.READ, true, "NO_RETRY"))
                  .journal(ran(0, get, fileBody(content)))
                  .finalState(file("f", content))
                  .build());
      assertThat(broken(verdict)).containsExactly(Invariant.I3);
      assertThat(verdict.of(Invariant.I3).get(0).evidence()).contains("CLOSE at READ j=5").contains("ConnectionLost");
    }

    /**
     * The server stays away for the whole call (a persistent plan): the read was resent once and
     * failed again, loudly, which is right; the same history under a one-shot fault breaks I3.
     */
    @Test
    void aPersistentFaultLetsAReadCallFailLoudly() {
      for (boolean persistent : new boolean[] {true, false}) {
        FaultPlan cut = FaultPlan.read(0, 5, FaultKind.CLOSE);
        Verdict verdict =
            Oracle.judge(
                scenario(get)
                    .initially(file("f", content))
                    .fault(persistent ? cut.persistently() : cut)
                    .calls(failedLoudly(0, FailureSite.READ, true, "NO_RETRY"))
                    .journal(ran(0, get, fileBody(content)))
                    .finalState(file("f", content))
                    .build());
        if (persistent) {
          assertThat(verdict.violations()).isEmpty();
          assertThat(verdict.calls()).containsExactly(new CallVerdict(0, OutcomeClass.FAILED_LOUDLY));
        } else {
          assertThat(broken(verdict)).containsExactly(Invariant.I3);
        }
      }
    }

    /** Bug 819604 with -Dnoretry: the server restarted between requests, the next read fails. */
    @Test
    void bug819604WithoutResending() {
      Request hello = request(0, "hello", dev.cutpoint.verbs.VerbClass.READ);
      Verdict verdict =
          Oracle.judge(
              scenario(hello, get(1, "f"))
                  .initially(file("f", content))
                  .fault(FaultPlan.between(1, Delivery.SERVER_RESTART))
                  .calls(firstTry(0, ok("ok", "2")), failedLoudly(1, FailureSite.READ, true, "NO_RETRY"))
                  .journal(ran(0, hello, ok("ok", "2")))
                  .finalState(file("f", content))
                  .build());
      assertThat(broken(verdict)).containsExactly(Invariant.I3);
      assertThat(verdict.of(Invariant.I3).get(0).requestIndex()).isEqualTo(1);
    }

    @Test
    void aResentReadThatReturnsAnotherResult() {
      Verdict verdict =
          Oracle.judge(
              scenario(get)
                  .initially(file("f", content))
                  .fault(FaultPlan.read(0, 5, FaultKind.CLOSE))
                  .calls(resent(0, FailureSite.READ, true, "SAFE_TO_SEND_TWICE", fileBody(payload("stale"))))
                  .journal(ran(0, get, fileBody(content)), ran(1, get, fileBody(content)))
                  .finalState(file("f", content))
                  .build());
      assertThat(broken(verdict)).containsExactly(Invariant.I3);
      assertThat(verdict.of(Invariant.I3).get(0).evidence()).contains("journal entry #1");
    }
  }

  @Nested
  class I4LoudFailure {

    final Request mkdir = mkdir(0, "d");

    @Test
    void aFailureThatDoesNotSayWhetherTheRequestRan() {
      ErrorRecord vague = new ErrorRecord("ConnectionReset", "Connection reset by peer", MayHaveExecuted.NOT_SAID);
      Attempt attempt =
          Attempt.failed(1, "c1", 60, true, false, new AttemptFailure(FailureSite.READ, vague),
              new RetryDecision(false, "semivfs is not resent after a read-phase failure"));
      Verdict verdict =
          Oracle.judge(
              scenario(mkdir)
                  .fault(FaultPlan.read(0, 0, FaultKind.RESET))
                  .calls(new Call(0, List.of(attempt), CallOutcome.failed(vague), 4, TIMEOUT))
                  .journal(ran(0, mkdir, ok()))
                  .finalState(StateEntry.directory("d"))
                  .build());
      assertThat(broken(verdict)).containsExactly(Invariant.I4);
      assertThat(verdict.of(Invariant.I4).get(0).evidence()).contains("does not say");
    }

    @Test
    void aFailureThatSaysTheRequestDidNotRunWhenItDid() {
      Verdict verdict =
          Oracle.judge(
              scenario(mkdir)
                  .fault(FaultPlan.read(0, 0, FaultKind.CLOSE))
                  .calls(failedLoudly(0, FailureSite.WRITE, false, "NOT_RECEIVED"))
                  .journal(ran(0, mkdir, ok()))
                  .finalState(StateEntry.directory("d"))
                  .build());
      assertThat(broken(verdict)).containsExactly(Invariant.I4);
      assertThat(verdict.of(Invariant.I4).get(0).evidence()).contains("saying it did not execute");
    }

    /** The resend-started-stream mutant: nothing ran twice, but the resend was not the client's to make. */
    @Test
    void aStreamResentAfterItStarted() {
      Request stream = insertStream(0, new StreamRecord("a", payload("s0")), new StreamRecord("b", payload("s1")));
      Attempt cut =
          Attempt.failed(1, "c1", 200, false, true,
              new AttemptFailure(FailureSite.WRITE, lost(MayHaveExecuted.NO)),
              new RetryDecision(true, "IGNORES_STARTED_STREAM"));
      Call call =
          new Call(0, List.of(cut, Attempt.replied(2, "c2", 400, ok("ok", "2"))), CallOutcome.replied(ok("ok", "2")), 8,
              TIMEOUT);
      Verdict verdict =
          Oracle.judge(
              scenario(stream)
                  .fault(FaultPlan.write(0, 200, FaultKind.CLOSE))
                  .calls(call)
                  .journal(ran(0, stream, ok("ok", "2")))
                  .finalState(file("a", payload("s0")), file("b", payload("s1")))
                  .build());
      assertThat(broken(verdict)).containsExactly(Invariant.I4);
      assertThat(verdict.of(Invariant.I4).get(0).evidence()).contains("body stream");
    }

    /**
     * The resend-all mutant resends a stream whose reply was lost: the server runs the rest of a
     * stream the client had already consumed, a complete message that is not the request. The
     * client broke the rule (I4, and the stream ran twice, I2), not the server: no I1.
     */
    @Test
    void aConsumedStreamResentIsTheClientsFaultNotAPartialExecution() {
      Request stream = insertStream(0, new StreamRecord("a", payload("s0")), new StreamRecord("b", payload("s1")));
      Attempt cut =
          Attempt.failed(1, "c1", stream.encodedLength(), true, true,
              new AttemptFailure(FailureSite.READ, lost(MayHaveExecuted.NOT_SAID)),
              new RetryDecision(true, "RESENDS_EVERYTHING"));
      Call call =
          new Call(0, List.of(cut, Attempt.replied(2, "c2", 40, ok("ok", "0"))), CallOutcome.replied(ok("ok", "0")), 8,
              TIMEOUT);
      Verdict verdict =
          Oracle.judge(
              scenario(stream)
                  .fault(FaultPlan.read(0, 0, FaultKind.CLOSE))
                  .calls(call)
                  .journal(ran(0, stream, ok("ok", "2")),
                      new dev.cutpoint.history.JournalEntry(1, "s1", "insert_stream", hashOf("an empty stream"), ok("ok", "0")))
                  .finalState(file("a", payload("s0")), file("b", payload("s1")))
                  .build());
      assertThat(broken(verdict)).containsExactlyInAnyOrder(Invariant.I2, Invariant.I4);
      assertThat(verdict.of(Invariant.I4).get(0).evidence()).contains("was resent after attempt 1 had started consuming its body stream");
      assertThat(verdict.of(Invariant.I2).get(0).evidence()).contains("the client's resend of a body stream");
      assertThat(verdict.violations()).extracting(Violation::evidence)
          .noneMatch(e -> e.contains("the server executed a message it had not fully received"));
    }
  }

  @Nested
  class I5OneResend {

    @Test
    void aReadSentThreeTimes() {
      Request get = get(0, "f");
      Payload content = payload("r9");
      Call call =
          new Call(0,
              List.of(
                  failure(1, FailureSite.READ, true, true, "SAFE_TO_SEND_TWICE"),
                  failure(2, FailureSite.CONNECT, false, true, "FUSE_NOT_BLOWN"),
                  Attempt.replied(3, "c3", 60, fileBody(content))),
              CallOutcome.replied(fileBody(content)), 20, TIMEOUT);
      Verdict verdict =
          Oracle.judge(
              scenario(get)
                  .initially(file("f", content))
                  .fault(FaultPlan.read(0, 3, FaultKind.CLOSE))
                  .calls(call)
                  .journal(ran(0, get, fileBody(content)), ran(1, get, fileBody(content)))
                  .finalState(file("f", content))
                  .build());
      assertThat(broken(verdict)).containsExactly(Invariant.I5);
      assertThat(verdict.of(Invariant.I5).get(0).evidence()).contains("sent 3 times");
    }
  }

  @Nested
  class I6Liveness {

    final Request get = get(0, "f");
    final Payload content = payload("r9");

    /** The no-read-timeout mutant: a black hole holds the call past its deadline. */
    @Test
    void aCallThatOutlivesItsTimeout() {
      ErrorRecord timeout = new ErrorRecord("CallTimeout", "no progress for 9000 ms", MayHaveExecuted.YES);
      Attempt attempt =
          Attempt.failed(1, "c1", 60, true, false, new AttemptFailure(FailureSite.READ, timeout),
              new RetryDecision(false, "TIMED_OUT"));
      Verdict verdict =
          Oracle.judge(
              scenario(get)
                  .initially(file("f", content))
                  .fault(FaultPlan.read(0, 0, FaultKind.BLACKHOLE))
                  .calls(new Call(0, List.of(attempt), CallOutcome.failed(timeout), 9000, TIMEOUT))
                  .journal(ran(0, get, fileBody(content)))
                  .finalState(file("f", content))
                  .build());
      // the get was not resent either: I3 as well
      assertThat(broken(verdict)).containsExactlyInAnyOrder(Invariant.I3, Invariant.I6);
      assertThat(verdict.of(Invariant.I6).get(0).evidence()).contains("9000 ms").contains("5000 ms");
    }

    /** The no-timeout mutant on the harness's clock: the harness had to end the call itself. */
    @Test
    void aCallTheHarnessHadToEnd() {
      ErrorRecord closed = new ErrorRecord("ConnectionLost", "the server closed the connection", MayHaveExecuted.YES);
      Attempt attempt =
          Attempt.failed(1, "c1", 60, true, false, new AttemptFailure(FailureSite.READ, closed),
              new RetryDecision(false, "MAY_HAVE_EXECUTED"));
      String why = "it waited with no timeout on a connection whose bytes a black hole swallowed";
      Verdict verdict =
          Oracle.judge(
              scenario(get)
                  .initially(file("f", content))
                  .fault(FaultPlan.read(0, 0, FaultKind.BLACKHOLE))
                  .calls(new Call(0, List.of(attempt), CallOutcome.failed(closed), 0, TIMEOUT, Optional.of(why)))
                  .journal(ran(0, get, fileBody(content)))
                  .finalState(file("f", content))
                  .build());
      assertThat(broken(verdict)).contains(Invariant.I6);
      assertThat(verdict.of(Invariant.I6).get(0).evidence()).contains("would not end").contains(why);
    }

    @Test
    void aClientThatDoesNotWorkForTheNextCall() {
      ErrorRecord dead = new ErrorRecord("ConnectionLost", "broken pipe", MayHaveExecuted.NO);
      Attempt attempt =
          Attempt.failed(1, "c1", 10, false, false, new AttemptFailure(FailureSite.WRITE, dead),
              new RetryDecision(false, "ALREADY_RESENT"));
      Verdict verdict =
          Oracle.judge(
              scenario(get)
                  .initially(file("f", content))
                  .calls(firstTry(0, fileBody(content)))
                  .journal(ran(0, get, fileBody(content)))
                  .probe(new Call(1, List.of(attempt), CallOutcome.failed(dead), 3, TIMEOUT))
                  .finalState(file("f", content))
                  .build());
      assertThat(broken(verdict)).containsExactly(Invariant.I6);
      assertThat(verdict.of(Invariant.I6).get(0).requestIndex()).isEqualTo(1);
    }
  }

  @Nested
  class I7State {

    final Request put = put(0, "f", "r0");

    @Test
    void aJournalledPutWhoseFileIsMissing() {
      Verdict verdict =
          Oracle.judge(
              scenario(put).calls(firstTry(0, ok())).journal(ran(0, put, ok())).finalState().build());
      assertThat(broken(verdict)).containsExactly(Invariant.I7);
      assertThat(verdict.of(Invariant.I7).get(0).evidence()).contains("f is missing");
    }

    @Test
    void aServerAnswerTheModelDoesNotGive() {
      Request mkdir = mkdir(0, "d");
      Verdict verdict =
          Oracle.judge(
              scenario(mkdir)
                  .initially(StateEntry.directory("d"))
                  .calls(firstTry(0, ok()))
                  .journal(ran(0, mkdir, ok()))
                  .finalState(StateEntry.directory("d"))
                  .build());
      assertThat(broken(verdict)).containsExactly(Invariant.I7);
      assertThat(verdict.of(Invariant.I7).get(0).evidence()).contains("error FileExists");
    }

    /**
     * Judged without a journal: {@code append(f, r0)} cut by RESET at FLUSH k = n, failed loudly
     * and not resent, then {@code next} answered {@code nextReply}.
     */
    private Verdict afterAnUnansweredAppend(Request next, Reply nextReply, StateEntry... finalState) {
      Request first = append(0, "f", "r0");
      return Oracle.judge(
          scenario(first, next)
              .fault(FaultPlan.flush(0, first.encodedLength(), FaultKind.RESET))
              .calls(failedLoudly(0, FailureSite.READ, true, "MAY_HAVE_EXECUTED"), firstTry(1, nextReply))
              .noJournal()
              .finalState(finalState)
              .build());
    }

    /**
     * brz serve runs each connection on its own thread: a request sent whole on a connection that
     * then died may still be running when the next call has run (seen on a loaded machine).
     */
    @Test
    void withoutAJournalAnExecutionNobodySawAnswerMayLandAfterTheNextCall() {
      Verdict verdict = afterAnUnansweredAppend(append(1, "f", "r1"), appended(0),
          file("f", payload("r1"), payload("r0")));
      assertThat(verdict.violations()).isEmpty();
    }

    /**
     * brz serve's append opens (creates) the file before it writes the body: a stat on another
     * connection may come in between and find it empty (seen on a loaded machine, the append cut
     * at FLUSH k = n and not resent, the stat sent at once on a new connection).
     */
    @Test
    void withoutAJournalALaterCallMayFindAnExecutionNobodySawAnswerPartWay() {
      Verdict verdict = afterAnUnansweredAppend(request(1, "stat", VerbClass.READ, "f"),
          ok("stat", "0", "0o100644"), file("f", payload("r0")));
      assertThat(verdict.violations()).isEmpty();
    }

    /**
     * Only reads come between an execution's start and its end: brz serve writes to the file it
     * opened, so an append cut and not resent, then a delete, cannot leave the file with the
     * append's payload (nor a rename leave it at the old path).
     */
    @Test
    void withoutAJournalAWriteDoesNotComeBetweenAnExecutionsStartAndItsEnd() {
      Verdict deleted = afterAnUnansweredAppend(request(1, "delete", VerbClass.SEMIVFS, "f"), ok(),
          file("f", payload("r0")));
      Verdict renamed = afterAnUnansweredAppend(request(1, "rename", VerbClass.SEMIVFS, "f", "g"), ok(),
          file("f", payload("r0")), StateEntry.file("g", new byte[0]));
      assertThat(deleted.violations()).isNotEmpty();
      assertThat(renamed.violations()).isNotEmpty();
    }

    /** Part-way is only for an execution nobody saw answer: an answered append was done. */
    @Test
    void withoutAJournalAnAnsweredExecutionIsNotSeenPartWay() {
      Request first = append(0, "f", "r0");
      Request stat = request(1, "stat", VerbClass.READ, "f");
      Verdict verdict =
          Oracle.judge(
              scenario(first, stat)
                  .calls(firstTry(0, appended(0)), firstTry(1, ok("stat", "0", "0o100644")))
                  .noJournal()
                  .finalState(file("f", payload("r0")))
                  .build());
      assertThat(broken(verdict)).containsExactly(Invariant.I3);
    }

    /** An execution whose answer came back ran in its turn: it cannot land after the next call. */
    @Test
    void withoutAJournalAnAnsweredExecutionCannotLandLater() {
      Request first = append(0, "f", "r0");
      Request second = append(1, "f", "r1");
      Verdict verdict =
          Oracle.judge(
              scenario(first, second)
                  .calls(firstTry(0, appended(0)), firstTry(1, appended(payload("r0").size())))
                  .noJournal()
                  .finalState(file("f", payload("r1"), payload("r0")))
                  .build());
      assertThat(broken(verdict)).containsExactly(Invariant.I7);
    }

    @Test
    void withoutAJournalAStateNoRunExplains() {
      Verdict verdict =
          Oracle.judge(
              scenario(put)
                  .calls(firstTry(0, ok()))
                  .noJournal()
                  .finalState(file("f", payload("r0")), file("g", payload("stray")))
                  .build());
      assertThat(broken(verdict)).containsExactly(Invariant.I7);
      assertThat(verdict.of(Invariant.I7).get(0).evidence()).contains("g exists");
    }

    @Test
    void aLockHeldWithAnotherToken() {
      Request lock = lockWrite(0, "b");
      Verdict verdict =
          Oracle.judge(
              scenario(lock)
                  .calls(firstTry(0, ok("ok", "T1", "")))
                  .journal(ran(0, lock, ok("ok", "T1", "")))
                  .locks(new HeldLock("b", "T2"))
                  .build());
      assertThat(broken(verdict)).containsExactly(Invariant.I7);
    }
  }

  @Nested
  class I8NoFaultNoRetry {

    final Request get = get(0, "f");
    final Payload content = payload("r9");

    @Test
    void aResendWithoutAFault() {
      Verdict verdict =
          Oracle.judge(
              scenario(get)
                  .initially(file("f", content))
                  .calls(resent(0, FailureSite.READ, true, "SAFE_TO_SEND_TWICE", fileBody(content)))
                  .journal(ran(0, get, fileBody(content)), ran(1, get, fileBody(content)))
                  .finalState(file("f", content))
                  .build());
      assertThat(broken(verdict)).containsExactly(Invariant.I8);
      assertThat(verdict.of(Invariant.I8).get(0).evidence()).contains("without a fault");
    }

    @Test
    void aFailureUnderSlicing() {
      Verdict verdict =
          Oracle.judge(
              scenario(get)
                  .initially(file("f", content))
                  .fault(FaultPlan.disturb(0, Phase.READ, FaultKind.SLICE))
                  .calls(failedLoudly(0, FailureSite.READ, true, "SAFE_TO_SEND_TWICE"))
                  .journal(ran(0, get, fileBody(content)))
                  .finalState(file("f", content))
                  .build());
      assertThat(broken(verdict)).containsExactly(Invariant.I8);
      assertThat(verdict.of(Invariant.I8).get(0).evidence()).contains("SLICE");
    }

    @Test
    void aCallAfterTheFaultedOneNeedsAResend() {
      Request append = append(1, "g", "r1");
      Verdict verdict =
          Oracle.judge(
              scenario(get, append)
                  .initially(file("f", content))
                  .fault(FaultPlan.read(0, 0, FaultKind.CLOSE))
                  .calls(
                      resent(0, FailureSite.READ, true, "SAFE_TO_SEND_TWICE", fileBody(content)),
                      resent(1, FailureSite.WRITE, false, "NOT_RECEIVED", appended(0)))
                  .journal(ran(0, get, fileBody(content)), ran(1, get, fileBody(content)), ran(2, append, appended(0)))
                  .finalState(file("f", content), file("g", payload("r1")))
                  .build());
      assertThat(broken(verdict)).containsExactly(Invariant.I8);
      assertThat(verdict.of(Invariant.I8).get(0).requestIndex()).isEqualTo(1);
    }
  }

  /** What a correct client and server do under faults, which the oracle must accept. */
  @Nested
  class Accepted {

    final Request append = append(0, "f", "r0");
    final FaultPlan flushAll = FaultPlan.flush(0, append.encodedLength(), FaultKind.CLOSE);

    @Test
    void aFlushCutAtNThatRan() {
      Verdict verdict =
          Oracle.judge(
              scenario(append)
                  .fault(flushAll)
                  .calls(failedLoudly(0, FailureSite.READ, true, "MAY_HAVE_EXECUTED"))
                  .journal(ran(0, append, appended(0)))
                  .finalState(file("f", payload("r0")))
                  .build());
      assertThat(verdict.violations()).isEmpty();
      assertThat(classes(verdict)).containsExactly(OutcomeClass.FAILED_LOUDLY);
    }

    @Test
    void aFlushCutAtNThatDidNotRun() {
      Verdict verdict =
          Oracle.judge(
              scenario(append)
                  .fault(flushAll)
                  .calls(failedLoudly(0, FailureSite.READ, true, "MAY_HAVE_EXECUTED"))
                  .journal()
                  .finalState()
                  .build());
      assertThat(verdict.violations()).isEmpty();
    }

    /** Toxiproxy lets the reply through now and then (8/100 measured). */
    @Test
    void aFlushCutAtNWhoseReplyArrived() {
      Verdict verdict =
          Oracle.judge(
              scenario(append)
                  .fault(flushAll)
                  .calls(firstTry(0, appended(0)))
                  .journal(ran(0, append, appended(0)))
                  .finalState(file("f", payload("r0")))
                  .build());
      assertThat(verdict.violations()).isEmpty();
      assertThat(classes(verdict)).containsExactly(OutcomeClass.FIRST_TRY);
    }

    @Test
    void aFlushCutAtNWithoutAJournalEitherWay() {
      for (List<StateEntry> state : List.of(List.of(file("f", payload("r0"))), List.<StateEntry>of())) {
        Verdict verdict =
            Oracle.judge(
                scenario(append)
                    .fault(flushAll)
                    .calls(failedLoudly(0, FailureSite.READ, true, "MAY_HAVE_EXECUTED"))
                    .noJournal()
                    .finalState(state.toArray(StateEntry[]::new))
                    .build());
        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.undecided()).isEmpty();
      }
    }

    /** Nothing ran, but the client cannot know: it says "may have executed", which is honest. */
    @Test
    void aMutateCallFailsLoudlyAfterARestartBetweenRequests() {
      Request hello = request(0, "hello", dev.cutpoint.verbs.VerbClass.READ);
      Request append1 = append(1, "f", "r1");
      Verdict verdict =
          Oracle.judge(
              scenario(hello, append1)
                  .fault(FaultPlan.between(1, Delivery.SERVER_RESTART))
                  .calls(firstTry(0, ok("ok", "2")), failedLoudly(1, FailureSite.READ, true, "MAY_HAVE_EXECUTED"))
                  .journal(ran(0, hello, ok("ok", "2")))
                  .finalState()
                  .build());
      assertThat(verdict.violations()).isEmpty();
      assertThat(classes(verdict)).containsExactly(OutcomeClass.FIRST_TRY, OutcomeClass.FAILED_LOUDLY);
    }

    @Test
    void aMutateCallCutWhileWritingFailsLoudlyWhenTheClientSawItOnRead() {
      Verdict verdict =
          Oracle.judge(
              scenario(append)
                  .fault(FaultPlan.write(0, 10, FaultKind.CLOSE))
                  .calls(failedLoudly(0, FailureSite.READ, true, "MAY_HAVE_EXECUTED"))
                  .journal()
                  .finalState()
                  .build());
      assertThat(verdict.violations()).isEmpty();
    }

    @Test
    void aMutateCallCutWhileWritingIsResentWhenTheClientSawItOnWrite() {
      Verdict verdict =
          Oracle.judge(
              scenario(append)
                  .fault(FaultPlan.write(0, 10, FaultKind.CLOSE))
                  .calls(resent(0, FailureSite.WRITE, false, "NOT_RECEIVED", appended(0)))
                  .journal(ran(0, append, appended(0)))
                  .finalState(file("f", payload("r0")))
                  .build());
      assertThat(verdict.violations()).isEmpty();
      assertThat(classes(verdict)).containsExactly(OutcomeClass.AFTER_RESEND);
    }

    @Test
    void aReadCallCutOnReadIsResent() {
      Request get = get(0, "f");
      Payload content = payload("r9");
      Verdict verdict =
          Oracle.judge(
              scenario(get)
                  .initially(file("f", content))
                  .fault(FaultPlan.read(0, 7, FaultKind.CLOSE))
                  .calls(resent(0, FailureSite.READ, true, "SAFE_TO_SEND_TWICE", fileBody(content)))
                  .journal(ran(0, get, fileBody(content)), ran(1, get, fileBody(content)))
                  .finalState(file("f", content))
                  .build());
      assertThat(verdict.violations()).isEmpty();
      assertThat(classes(verdict)).containsExactly(OutcomeClass.AFTER_RESEND);
    }

    /** Semi: the lock was taken by the lost first run, the resend meets it. Not a wrong success. */
    @Test
    void aLockWriteResentMeetsItsOwnLock() {
      Request lock = lockWrite(0, "b");
      Reply contention = Reply.error("LockContention");
      Verdict verdict =
          Oracle.judge(
              scenario(lock)
                  .fault(FaultPlan.read(0, 0, FaultKind.CLOSE))
                  .calls(resent(0, FailureSite.READ, true, "SAFE_TO_SEND_TWICE", contention))
                  .journal(ran(0, lock, ok("ok", "T1", "")), ran(1, lock, contention))
                  .locks(new HeldLock("b", "T1"))
                  .build());
      assertThat(verdict.violations()).isEmpty();
      assertThat(classes(verdict)).containsExactly(OutcomeClass.AFTER_RESEND);
    }

    /**
     * FLUSH at k = n: the cut attempt's whole message reaches the server, whose connection runs it
     * only after the resend has taken the lock and answered; the late run meets that lock.
     */
    @Test
    void aLockWriteWhoseCutMessageRunsAfterTheResendIsNoWrongSuccess() {
      Request lock = lockWrite(0, "b");
      Reply taken = ok("ok", "T1", "");
      Verdict verdict =
          Oracle.judge(
              scenario(lock)
                  .fault(FaultPlan.flush(0, lock.encodedLength(), FaultKind.CLOSE))
                  .calls(resent(0, FailureSite.READ, true, "SAFE_TO_SEND_TWICE", taken))
                  .journal(ran(0, lock, taken), ran(1, lock, Reply.error("LockContention")))
                  .locks(new HeldLock("b", "T1"))
                  .build());
      assertThat(verdict.violations()).isEmpty();
    }

    @Test
    void aLockWriteResentMeetsItsOwnLockWithoutAJournal() {
      Request lock = lockWrite(0, "b");
      Reply contention = Reply.error("LockContention");
      Verdict verdict =
          Oracle.judge(
              scenario(lock)
                  .fault(FaultPlan.read(0, 0, FaultKind.CLOSE))
                  .calls(resent(0, FailureSite.READ, true, "SAFE_TO_SEND_TWICE", contention))
                  .noJournal()
                  .build());
      assertThat(verdict.violations()).isEmpty();
      assertThat(verdict.undecided()).isEmpty();
    }

    /** A black hole is a read-phase failure like a reset: a timely timeout without a resend is not enough. */
    @Test
    void aBlackHoledReadThatIsNotResentBreaksSafeRetry() {
      Request get = get(0, "f");
      Payload content = payload("r9");
      ErrorRecord timeout = new ErrorRecord("CallTimeout", "no progress for 1000 ms", MayHaveExecuted.YES);
      Attempt attempt =
          Attempt.failed(1, "c1", 60, true, false, new AttemptFailure(FailureSite.READ, timeout),
              new RetryDecision(false, "TIMED_OUT"));
      Verdict verdict =
          Oracle.judge(
              scenario(get)
                  .initially(file("f", content))
                  .fault(FaultPlan.read(0, 0, FaultKind.BLACKHOLE))
                  .calls(new Call(0, List.of(attempt), CallOutcome.failed(timeout), 1003, TIMEOUT))
                  .journal(ran(0, get, fileBody(content)))
                  .finalState(file("f", content))
                  .build());
      assertThat(broken(verdict)).containsExactly(Invariant.I3);
    }

    /** The same bytes sent twice in a sequence are told apart by the calls that sent them. */
    @Test
    void identicalRequestsAreAttributedToTheirCalls() {
      Request first = mkdir(0, "d");
      Request rmdir = request(1, "rmdir", dev.cutpoint.verbs.VerbClass.SEMIVFS, "d");
      Request second = mkdir(2, "d");
      Verdict verdict =
          Oracle.judge(
              scenario(first, rmdir, second)
                  .calls(firstTry(0, ok()), firstTry(1, ok()), firstTry(2, ok()))
                  .journal(ran(0, first, ok()), ran(1, rmdir, ok()), ran(2, second, ok()))
                  .finalState(StateEntry.directory("d"))
                  .build());
      assertThat(verdict.violations()).isEmpty();
    }
  }

  @Nested
  class UndecidedAndDefects {

    /** A delete resent by a wrong client whose second attempt failed too: ran once or twice? */
    @Test
    void withoutAJournalTheStateCannotTellWhetherADeleteRanTwice() {
      Request delete = request(0, "delete", dev.cutpoint.verbs.VerbClass.SEMIVFS, "f");
      Attempt first = failure(1, FailureSite.READ, true, true, "RESENDS_EVERYTHING");
      Attempt second = failure(2, FailureSite.READ, true, false, "ALREADY_RESENT");
      Call call =
          new Call(0, List.of(first, second), CallOutcome.failed(second.failure().orElseThrow().error()), 9, TIMEOUT);
      Verdict verdict =
          Oracle.judge(
              scenario(delete)
                  .initially(file("f", payload("r9")))
                  .fault(FaultPlan.read(0, 0, FaultKind.CLOSE))
                  .calls(call)
                  .noJournal()
                  .finalState()
                  .build());
      assertThat(broken(verdict)).containsExactly(Invariant.I4);
      assertThat(verdict.undecided()).extracting(Undecided::invariant).containsExactly(Invariant.I2);
      assertThat(verdict.undecided().get(0).reason()).contains("both");
    }

    /** Whether brz serve ran the incomplete message of a read cannot show in any state. */
    @Test
    void withoutAJournalAnIncompleteReadCannotBeToldApart() {
      Request get = get(0, "f");
      Payload content = payload("r9");
      Verdict verdict =
          Oracle.judge(
              scenario(get)
                  .initially(file("f", content))
                  .fault(FaultPlan.write(0, 10, FaultKind.CLOSE))
                  .calls(resent(0, FailureSite.READ, true, "SAFE_TO_SEND_TWICE", fileBody(content)))
                  .noJournal()
                  .finalState(file("f", content))
                  .build());
      assertThat(verdict.violations()).isEmpty();
      assertThat(verdict.undecided()).extracting(Undecided::invariant).containsExactly(Invariant.I1);
    }

    /** After a BETWEEN close nothing of the old connection is left on the server: nothing to decide. */
    @Test
    void withoutAJournalARestartBetweenRequestsLeavesNothingUndecided() {
      Request hello = request(0, "hello", dev.cutpoint.verbs.VerbClass.READ);
      Request append1 = append(1, "f", "r1");
      Verdict verdict =
          Oracle.judge(
              scenario(hello, append1)
                  .fault(FaultPlan.between(1, Delivery.PROXY_TOGGLE))
                  .calls(firstTry(0, ok("ok", "2")), resent(1, FailureSite.WRITE, false, "NOT_RECEIVED", appended(0)))
                  .noJournal()
                  .finalState(file("f", payload("r1")))
                  .build());
      assertThat(verdict.violations()).isEmpty();
      assertThat(verdict.undecided()).isEmpty();
    }

    @Test
    void aPlannedFaultThatNeverFiredIsAHarnessDefect() {
      Request get = get(0, "f");
      Payload content = payload("r9");
      Verdict verdict =
          Oracle.judge(
              scenario(get)
                  .initially(file("f", content))
                  .fault(FaultPlan.read(0, 0, FaultKind.CLOSE))
                  .neverFired()
                  .calls(firstTry(0, fileBody(content)))
                  .journal(ran(0, get, fileBody(content)))
                  .finalState(file("f", content))
                  .build());
      assertThat(verdict.violations()).isEmpty();
      assertThat(verdict.harnessDefects()).singleElement().asString().contains("never fired");
    }
  }
}
