package dev.cutpoint.drive;

import dev.cutpoint.client.AttemptListener;
import dev.cutpoint.client.CallTimeout;
import dev.cutpoint.client.ConnectionLost;
import dev.cutpoint.client.RemoteError;
import dev.cutpoint.fault.AttemptTrace;
import dev.cutpoint.history.Attempt;
import dev.cutpoint.history.AttemptFailure;
import dev.cutpoint.history.Call;
import dev.cutpoint.history.CallOutcome;
import dev.cutpoint.history.Digest;
import dev.cutpoint.history.ErrorRecord;
import dev.cutpoint.history.FailureSite;
import dev.cutpoint.history.MayHaveExecuted;
import dev.cutpoint.history.Reply;
import dev.cutpoint.history.ReplyStatus;
import dev.cutpoint.history.RetryDecision;
import dev.cutpoint.wire.BList;
import dev.cutpoint.wire.ByteString;
import dev.cutpoint.wire.Message;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Listens to the reference client's attempts and turns one call into the recorded {@link Call}
 * (SPEC §6: every attempt with its connection, bytes written, whether the write completed, where
 * the failure was seen, the response or error, the retry decision). Replies are summarised as the
 * server's journal summarises them (status, arguments as text, body digest), so that the oracle can
 * compare the two.
 */
public final class CallRecorder implements AttemptListener {

  private final List<dev.cutpoint.client.Attempt> attempts = new ArrayList<>();

  @Override
  public synchronized void attempted(dev.cutpoint.client.Attempt attempt) {
    attempts.add(attempt);
  }

  /** Forgets the attempts so far: a new call starts. */
  public synchronized void startCall() {
    attempts.clear();
  }

  /** The current call's attempts as the nemesis reads them. */
  public synchronized List<AttemptTrace> traces() {
    return attempts.stream().map(CallRecorder::trace).toList();
  }

  /** A reference client's attempt as the nemesis reads it. */
  public static AttemptTrace trace(dev.cutpoint.client.Attempt attempt) {
    return new AttemptTrace(
        attempt.number(),
        attempt.connectionId(),
        attempt.reusedConnection(),
        attempt.bytesWritten(),
        attempt.writeCompleted(),
        attempt.bytesRead(),
        attempt.failedAt().map(site -> FailureSite.valueOf(site.name())),
        attempt.error().filter(e -> e instanceof IOException).isPresent());
  }

  /** The client's own attempts of the current call. */
  public synchronized List<dev.cutpoint.client.Attempt> clientAttempts() {
    return List.copyOf(attempts);
  }

  /** The connection the client holds after the current call, if its last attempt left one open. */
  public synchronized OptionalLong liveConnection() {
    if (attempts.isEmpty()) {
      return OptionalLong.empty();
    }
    dev.cutpoint.client.Attempt last = attempts.get(attempts.size() - 1);
    return last.response().isPresent() ? last.connectionId() : OptionalLong.empty();
  }

  /**
   * The call as recorded: its attempts and how it ended (a reply, or the typed error).
   *
   * @param hung why the harness ended the call, if the client would not end it
   */
  public synchronized Call call(
      int requestIndex,
      Optional<Message> reply,
      Optional<Exception> error,
      long elapsedMillis,
      long timeoutMillis,
      Optional<String> hung) {
    List<Attempt> recorded = new ArrayList<>();
    int chunksSoFar = 0;
    for (dev.cutpoint.client.Attempt attempt : attempts) {
      chunksSoFar += attempt.bodyChunksTaken();
      recorded.add(attempt(attempt, chunksSoFar > 0));
    }
    if (recorded.isEmpty()) {
      // the call failed before the client reported an attempt: record it as a failed connect
      recorded.add(Attempt.failed(1, "none", 0, false, false,
          new AttemptFailure(FailureSite.CONNECT, errorRecord(error.orElseThrow())),
          new RetryDecision(false, "no attempt was reported")));
    }
    CallOutcome outcome;
    if (reply.isPresent()) {
      outcome = CallOutcome.replied(reply(reply.get()));
    } else if (error.orElseThrow() instanceof RemoteError remote) {
      Optional<Message> answered = attempts.isEmpty()
          ? Optional.empty()
          : attempts.get(attempts.size() - 1).response();
      outcome = CallOutcome.replied(answered.map(CallRecorder::reply).orElseGet(() -> errorReply(remote)));
    } else {
      outcome = CallOutcome.failed(errorRecord(error.get()));
    }
    return new Call(requestIndex, recorded, outcome, elapsedMillis, timeoutMillis, hung);
  }

  private static Attempt attempt(dev.cutpoint.client.Attempt attempt, boolean streamStarted) {
    String connection = attempt.connectionId().isPresent()
        ? Long.toString(attempt.connectionId().getAsLong())
        : "none";
    if (attempt.response().isPresent()) {
      return Attempt.replied(attempt.number(), connection, attempt.bytesWritten(), reply(attempt.response().get()));
    }
    FailureSite site = attempt.failedAt()
        .map(s -> FailureSite.valueOf(s.name()))
        .orElse(FailureSite.READ);
    Exception error = attempt.error().orElseThrow();
    RetryDecision decision = attempt.decision()
        .map(d -> new RetryDecision(d.resend(), d.reason().name().toLowerCase()))
        .orElse(new RetryDecision(false, "a protocol error is never resent"));
    return Attempt.failed(
        attempt.number(),
        connection,
        attempt.bytesWritten(),
        attempt.writeCompleted(),
        streamStarted,
        new AttemptFailure(site, new ErrorRecord(
            error.getClass().getSimpleName(), String.valueOf(error.getMessage()), MayHaveExecuted.NOT_SAID)),
        decision);
  }

  /** As the reference server's journal summarises a response. */
  static Reply reply(Message response) {
    ReplyStatus status = response.isSuccess() ? ReplyStatus.SUCCESS : ReplyStatus.ERROR;
    Optional<Digest> body = response.hasBody()
        ? Optional.of(Digest.of(response.body().toByteArray()))
        : Optional.empty();
    return new Reply(status, strings(response.args()), body);
  }

  private static Reply errorReply(RemoteError remote) {
    List<String> args = strings(remote.errorArgs());
    return args.isEmpty()
        ? Reply.error("error")
        : new Reply(ReplyStatus.ERROR, args, Optional.empty());
  }

  private static List<String> strings(BList list) {
    List<String> out = new ArrayList<>();
    list.items().forEach(v -> out.add(v instanceof ByteString b ? b.utf8() : v.toString()));
    return out;
  }

  static ErrorRecord errorRecord(Exception error) {
    MayHaveExecuted said = MayHaveExecuted.NOT_SAID;
    if (error instanceof ConnectionLost lost) {
      said = lost.mayHaveExecuted() ? MayHaveExecuted.YES : MayHaveExecuted.NO;
    } else if (error instanceof CallTimeout timeout) {
      said = timeout.mayHaveExecuted() ? MayHaveExecuted.YES : MayHaveExecuted.NO;
    }
    return new ErrorRecord(error.getClass().getSimpleName(), String.valueOf(error.getMessage()), said);
  }
}
