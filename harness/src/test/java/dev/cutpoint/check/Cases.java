package dev.cutpoint.check;

import dev.cutpoint.history.Attempt;
import dev.cutpoint.history.AttemptFailure;
import dev.cutpoint.history.Call;
import dev.cutpoint.history.CallOutcome;
import dev.cutpoint.history.CaseRecord;
import dev.cutpoint.history.Digest;
import dev.cutpoint.history.ErrorRecord;
import dev.cutpoint.history.FailureSite;
import dev.cutpoint.history.FaultPlan;
import dev.cutpoint.history.HeldLock;
import dev.cutpoint.history.Injection;
import dev.cutpoint.history.Journal;
import dev.cutpoint.history.JournalEntry;
import dev.cutpoint.history.MayHaveExecuted;
import dev.cutpoint.history.Payload;
import dev.cutpoint.history.Probe;
import dev.cutpoint.history.Reply;
import dev.cutpoint.history.Request;
import dev.cutpoint.history.RequestBody;
import dev.cutpoint.history.RetryDecision;
import dev.cutpoint.history.Scenario;
import dev.cutpoint.history.ServerState;
import dev.cutpoint.history.StateEntry;
import dev.cutpoint.history.StreamRecord;
import dev.cutpoint.verbs.VerbClass;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Literal histories for the oracle's tests, written the way the driver records them. */
final class Cases {

  static final long TIMEOUT = 5000;

  private Cases() {}

  // --- requests

  static Payload payload(String token) {
    return Payload.generated(token, 32);
  }

  /** A request without a body; identical requests get identical hashes, as on the wire. */
  static Request request(int index, String verb, VerbClass verbClass, String... args) {
    return new Request(index, verb, verbClass, List.of(args), RequestBody.none(), 60,
        hashOf(verb + Arrays.toString(args)));
  }

  static Request withBody(int index, String verb, VerbClass verbClass, Payload body, String... args) {
    return new Request(index, verb, verbClass, List.of(args), RequestBody.of(body), 60 + body.size(),
        hashOf(verb + Arrays.toString(args) + body));
  }

  static Request put(int index, String path, String token) {
    return withBody(index, "put", VerbClass.IDEM, payload(token), path, "");
  }

  static Request append(int index, String path, String token) {
    return withBody(index, "append", VerbClass.MUTATE, payload(token), path, "");
  }

  static Request insertStream(int index, StreamRecord... records) {
    return new Request(index, "insert_stream", VerbClass.STREAM, List.of(), RequestBody.stream(List.of(records)),
        400, hashOf("insert_stream" + Arrays.toString(records)));
  }

  static Request get(int index, String path) {
    return request(index, "get", VerbClass.READ, path);
  }

  static Request mkdir(int index, String path) {
    return request(index, "mkdir", VerbClass.SEMIVFS, path, "");
  }

  static Request lockWrite(int index, String branch) {
    return request(index, "Branch.lock_write", VerbClass.SEMI, branch, "", "");
  }

  static String hashOf(String text) {
    return Digest.hashHex(text.getBytes(StandardCharsets.UTF_8));
  }

  // --- replies

  static Reply ok(String... args) {
    return args.length == 0 ? Reply.success("ok") : Reply.success(args);
  }

  static Reply appended(long offset) {
    return Reply.success("appended", Long.toString(offset));
  }

  static Reply fileBody(Payload... payloads) {
    return Reply.success(List.of("ok"), Digest.of(concat(payloads)));
  }

  static byte[] concat(Payload... payloads) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Payload p : payloads) {
      out.writeBytes(p.bytes());
    }
    return out.toByteArray();
  }

  // --- calls

  static Call firstTry(int index, Reply reply) {
    return new Call(index, List.of(Attempt.replied(1, "c" + index, 60, reply)), CallOutcome.replied(reply), 5, TIMEOUT);
  }

  static ErrorRecord lost(MayHaveExecuted may) {
    return new ErrorRecord("ConnectionLost", "connection lost", may);
  }

  /** A failed attempt: where the client saw it, whether it had written everything, and its decision. */
  static Attempt failure(int number, FailureSite site, boolean writeCompleted, boolean resend, String reason) {
    return Attempt.failed(number, "c" + number, writeCompleted ? 60 : 10, writeCompleted, false,
        new AttemptFailure(site, lost(writeCompleted ? MayHaveExecuted.YES : MayHaveExecuted.NO)),
        new RetryDecision(resend, reason));
  }

  /** Attempt 1 failed where the client saw it and was resent; attempt 2 got {@code reply}. */
  static Call resent(int index, FailureSite site, boolean writeCompleted, String reason, Reply reply) {
    return new Call(index,
        List.of(failure(1, site, writeCompleted, true, reason), Attempt.replied(2, "c2", 60, reply)),
        CallOutcome.replied(reply), 9, TIMEOUT);
  }

  /** One attempt that failed and was not resent: the call fails with ConnectionLost. */
  static Call failedLoudly(int index, FailureSite site, boolean writeCompleted, String reason) {
    Attempt attempt = failure(1, site, writeCompleted, false, reason);
    return new Call(index, List.of(attempt), CallOutcome.failed(attempt.failure().orElseThrow().error()), 7, TIMEOUT);
  }

  static JournalEntry ran(long order, Request request, Reply result) {
    return new JournalEntry(order, "s" + order, request.verb(), request.hash(), result);
  }

  // --- cases

  static Builder scenario(Request... requests) {
    return new Builder(List.of(requests));
  }

  static final class Builder {
    private final List<Request> requests;
    private Optional<FaultPlan> fault = Optional.empty();
    private boolean fired = true;
    private ServerState initial = ServerState.empty();
    private List<Call> calls = List.of();
    private Optional<List<JournalEntry>> journal = Optional.of(List.of());
    private List<StateEntry> finalEntries = List.of();
    private Optional<List<HeldLock>> locks = Optional.of(List.of());
    private Call probeCall;

    private Builder(List<Request> requests) {
      this.requests = requests;
      this.probeCall = firstTry(requests.size(), ok("ok", "2"));
    }

    Builder fault(FaultPlan plan) {
      this.fault = Optional.of(plan);
      return this;
    }

    Builder neverFired() {
      this.fired = false;
      return this;
    }

    Builder initially(StateEntry... entries) {
      this.initial = ServerState.of(List.of(entries), List.of());
      return this;
    }

    Builder calls(Call... calls) {
      this.calls = List.of(calls);
      return this;
    }

    Builder journal(JournalEntry... entries) {
      this.journal = Optional.of(List.of(entries));
      return this;
    }

    /** A target without a journal, whose locks the harness cannot see ({@code brz serve}). */
    Builder noJournal() {
      this.journal = Optional.empty();
      this.locks = Optional.empty();
      return this;
    }

    Builder finalState(StateEntry... entries) {
      this.finalEntries = List.of(entries);
      return this;
    }

    Builder locks(HeldLock... held) {
      this.locks = Optional.of(List.of(held));
      return this;
    }

    Builder probe(Call call) {
      this.probeCall = call;
      return this;
    }

    CaseRecord build() {
      Request hello = request(requests.size(), "hello", VerbClass.READ);
      List<JournalEntry> entries = new ArrayList<>(journal.orElse(List.of()));
      if (journal.isPresent() && probeCall.outcome().reply().isPresent()) {
        entries.add(ran(entries.size(), hello, probeCall.outcome().reply().get()));
      }
      return new CaseRecord(
          new Scenario(7, journal.isPresent() ? "java" : "breezy-server", "java/default", initial, requests, fault),
          calls,
          journal.map(j -> new Journal(entries)),
          new ServerState(finalEntries, locks),
          fault.isPresent() ? new Injection(fired, fired ? "toxic fired" : "toxic never saw a byte") : Injection.none(),
          new Probe(hello, probeCall));
    }
  }

  static StateEntry file(String path, Payload... payloads) {
    return StateEntry.file(path, concat(payloads));
  }
}
