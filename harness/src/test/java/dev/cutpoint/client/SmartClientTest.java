package dev.cutpoint.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cutpoint.client.ScriptedServer.AnswerThenClose;
import dev.cutpoint.client.ScriptedServer.BlackHole;
import dev.cutpoint.client.ScriptedServer.CloseAfterRequest;
import dev.cutpoint.client.ScriptedServer.CloseAfterRequestBytes;
import dev.cutpoint.client.ScriptedServer.CloseAfterResponseBytes;
import dev.cutpoint.client.ScriptedServer.CloseOnAccept;
import dev.cutpoint.client.ScriptedServer.Garbage;
import dev.cutpoint.client.ScriptedServer.StopReading;
import dev.cutpoint.verbs.VerbClass;
import dev.cutpoint.wire.ByteString;
import dev.cutpoint.wire.MessageEncoder;
import dev.cutpoint.wire.ProtocolError;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SmartClientTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  /**
   * How much longer than its timeouts a call may take on a loaded machine: room for scheduling,
   * yet far below the 30 s default that an ignored timeout would fall back to.
   */
  private static final Duration SLACK = Duration.ofSeconds(5);

  private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
  private ScriptedServer server;
  private SmartClient client;

  @AfterEach
  void close() throws Exception {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private SmartClient start(ClientOptions options, ScriptedServer.Behaviour... script) throws IOException {
    server = new ScriptedServer(script);
    client = new SmartClient(server.connector(), options, attempts::add);
    return client;
  }

  private SmartClient start(ScriptedServer.Behaviour... script) throws IOException {
    return start(ClientOptions.defaults().withTimeout(TIMEOUT), script);
  }

  private static Request get(String path) {
    return Request.of("get", VerbClass.READ, RequestBody.NONE, path);
  }

  private static Request append(String path, ByteString body) {
    return Request.of("append", VerbClass.MUTATE, RequestBody.of(body), path, "");
  }

  private static Request put(String path, ByteString body) {
    return Request.of("put", VerbClass.IDEM, RequestBody.of(body), path, "");
  }

  private static Request insertStream(String path, BodyStream stream) {
    return Request.of("insert_stream", VerbClass.STREAM, RequestBody.stream(stream), path);
  }

  private static ByteString text(String s) {
    return ByteString.of(s);
  }

  private static ByteString randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return ByteString.of(bytes);
  }

  private static int length(Request request) {
    // request bytes up to the end of the arguments: what precedes any body
    return MessageEncoder.preamble(ClientOptions.defaults().headers()).length
        + MessageEncoder.part(new dev.cutpoint.wire.Part.Args(request.wireArgs())).length;
  }

  @Test
  void anAnsweredCallTakesOneAttemptAndKeepsTheConnection() throws Exception {
    start();
    server.putFile("a.txt", text("hello world"));

    Response first = client.call(get("a.txt"));
    Response second = client.call(get("a.txt"));

    assertThat(first.arg(0)).isEqualTo("ok");
    assertThat(first.body()).isEqualTo(text("hello world"));
    assertThat(second.body()).isEqualTo(text("hello world"));
    assertThat(attempts).hasSize(2).allSatisfy(a -> {
      assertThat(a.number()).isEqualTo(1);
      assertThat(a.writeCompleted()).isTrue();
      assertThat(a.failedAt()).isEmpty();
      assertThat(a.response()).isPresent();
      assertThat(a.connectionId()).hasValue(1);
    });
    assertThat(attempts.get(1).reusedConnection()).isTrue();
    assertThat(server.connectionsAccepted()).isEqualTo(1);
  }

  @Test
  void aLargeRequestCutWhileWritingIsSeenOnWriteAndResentEvenForAppend() throws Exception {
    start(new CloseAfterRequestBytes(1000));
    ByteString body = randomBytes(8 << 20, 1);

    Response response = client.call(append("log", body));

    assertThat(response.arg(0)).isEqualTo("appended");
    assertThat(attempts).hasSize(2);
    Attempt cut = attempts.get(0);
    assertThat(cut.failedAt()).contains(FailureSite.WRITE);
    assertThat(cut.writeCompleted()).isFalse();
    assertThat(cut.bytesWritten()).isBetween(1000L, (long) body.length());
    assertThat(cut.decision()).contains(new RetryDecision(RetryReason.NOT_RECEIVED));
    assertThat(attempts.get(1).connectionId()).hasValue(2);
    assertThat(server.journal()).hasSize(1);
    assertThat(server.file("log")).isEqualTo(body);
  }

  @Test
  void aReadFailureOnGetIsResentOnceAndGetsTheRightAnswer() throws Exception {
    start(new CloseAfterResponseBytes(60, false));
    ByteString content = randomBytes(5000, 2);
    server.putFile("f", content);

    Response response = client.call(get("f"));

    assertThat(response.body()).isEqualTo(content);
    assertThat(attempts).hasSize(2);
    assertThat(attempts.get(0).failedAt()).contains(FailureSite.READ);
    assertThat(attempts.get(0).bytesRead()).isEqualTo(60);
    assertThat(attempts.get(0).decision()).contains(new RetryDecision(RetryReason.SAFE_TO_SEND_TWICE));
    assertThat(attempts.get(1).response()).isPresent();
  }

  @Test
  void aResetWhileReadingIsALostConnectionToo() throws Exception {
    start(new CloseAfterResponseBytes(10, true));
    server.putFile("f", text("x"));

    assertThat(client.call(get("f")).body()).isEqualTo(text("x"));
    assertThat(attempts.get(0).failedAt()).contains(FailureSite.READ);
  }

  @Test
  void aReadFailureOnAppendIsNotResentAndMayHaveExecuted() throws Exception {
    start(new CloseAfterResponseBytes(40, false));

    ConnectionLost lost =
        catchThrowableOfType(ConnectionLost.class, () -> client.call(append("log", text("once"))));

    assertThat(lost).isNotInstanceOf(StreamNotRestartable.class);
    assertThat(lost.mayHaveExecuted()).isTrue();
    assertThat(lost.site()).isEqualTo(FailureSite.READ);
    assertThat(lost.reason()).isEqualTo(RetryReason.MAY_HAVE_EXECUTED);
    assertThat(attempts).hasSize(1);
    assertThat(server.journal()).hasSize(1);
    assertThat(server.file("log")).isEqualTo(text("once"));
  }

  @Test
  void aBodyStreamWhoseConnectionDiedBeforeItsFirstChunkIsResent() throws Exception {
    start(new AnswerThenClose(1));
    client.call(Request.of("hello", VerbClass.READ, RequestBody.NONE));
    server.awaitClosed(1);
    BodyStream stream = BodyStream.of(List.of(text("one"), text("two")));

    Response response = client.call(insertStream("s", stream));

    assertThat(response.arg(1)).isEqualTo("2");
    assertThat(server.file("s")).isEqualTo(text("onetwo"));
    Attempt dead = attempts.get(1);
    assertThat(dead.reusedConnection()).isTrue();
    assertThat(dead.failedAt()).contains(FailureSite.WRITE);
    assertThat(dead.bodyChunksTaken()).isZero();
    assertThat(dead.bodyStreamStarted()).isFalse();
    assertThat(dead.decision()).contains(new RetryDecision(RetryReason.NOT_RECEIVED));
    assertThat(attempts.get(2).bodyChunksTaken()).isEqualTo(2);
  }

  @Test
  void aBodyStreamCutAfterItsFirstChunkIsNotRestartable() throws Exception {
    Request request = insertStream("s", BodyStream.of(List.of(text("one"), text("two"), text("three"))));
    start(new CloseAfterRequestBytes(length(request) + 5 + 2));

    StreamNotRestartable lost =
        catchThrowableOfType(StreamNotRestartable.class, () -> client.call(request));

    assertThat(lost.chunksConsumed()).isPositive();
    assertThat(attempts.get(0).bodyStreamStarted()).isTrue();
    assertThat(lost.reason()).isEqualTo(RetryReason.STREAM_STARTED);
    assertThat(attempts).hasSize(1);
    assertThat(server.journal()).isEmpty();
    assertThat(server.connectionsAccepted()).isEqualTo(1);
  }

  @Test
  void theResendStartedStreamMutantSendsWhatIsLeftAsACompleteMessage() throws Exception {
    Request request = insertStream("s", BodyStream.of(List.of(text("one"), text("two"), text("three"))));
    start(
        ClientOptions.defaults().withTimeout(TIMEOUT).withPolicy(RetryPolicy.RESEND_STARTED_STREAM),
        new CloseAfterRequestBytes(length(request) + 5 + 2));

    client.call(request);

    assertThat(attempts.get(0).decision()).contains(new RetryDecision(RetryReason.IGNORES_STARTED_STREAM));
    assertThat(server.journal()).hasSize(1);
    assertThat(server.file("s").utf8()).isNotEqualTo("onetwothree").isIn("twothree", "three", "");
  }

  @Test
  void noRetryDisablesTheResend() throws Exception {
    start(ClientOptions.defaults().withTimeout(TIMEOUT).withNoRetry(true), new CloseAfterRequest());
    server.putFile("f", text("x"));

    ConnectionLost lost = catchThrowableOfType(ConnectionLost.class, () -> client.call(get("f")));

    assertThat(lost.reason()).isEqualTo(RetryReason.NO_RETRY);
    assertThat(lost.mayHaveExecuted()).isTrue();
    assertThat(attempts).hasSize(1);
    assertThat(server.connectionsAccepted()).isEqualTo(1);
  }

  @Test
  void aSecondFailureEndsTheCallWithoutAThirdAttempt() throws Exception {
    start(new CloseAfterRequest(), new CloseAfterRequest());
    server.putFile("f", text("x"));

    ConnectionLost lost = catchThrowableOfType(ConnectionLost.class, () -> client.call(get("f")));

    assertThat(lost.reason()).isEqualTo(RetryReason.ALREADY_RESENT);
    assertThat(lost.getSuppressed()).hasSize(1);
    assertThat(attempts).extracting(Attempt::number).containsExactly(1, 2);
    assertThat(attempts).extracting(Attempt::resent).containsExactly(true, false);
    assertThat(server.connectionsAccepted()).isEqualTo(2);
    // the client is still usable: the next call opens a third connection and succeeds
    assertThat(client.call(get("f")).body()).isEqualTo(text("x"));
  }

  @Test
  void bug819604AServerThatRestartedBetweenCallsCostsOneResend() throws Exception {
    start(new AnswerThenClose(1));
    server.putFile("f", text("x"));
    client.call(get("f"));
    server.awaitClosed(1);

    assertThat(client.call(get("f")).body()).isEqualTo(text("x"));

    Attempt stale = attempts.get(1);
    assertThat(stale.reusedConnection()).isTrue();
    assertThat(stale.failedAt()).isPresent();
    assertThat(stale.resent()).isTrue();
    assertThat(attempts.get(2).connectionId()).hasValue(2);
  }

  @Test
  void bug819604WithNoRetryIsTheOriginalBug() throws Exception {
    start(ClientOptions.defaults().withTimeout(TIMEOUT).withNoRetry(true), new AnswerThenClose(1));
    server.putFile("f", text("x"));
    client.call(get("f"));
    server.awaitClosed(1);

    ConnectionLost lost = catchThrowableOfType(ConnectionLost.class, () -> client.call(get("f")));

    assertThat(lost.reason()).isEqualTo(RetryReason.NO_RETRY);
    assertThat(server.journal()).hasSize(1);
  }

  @Test
  void aBlackHoledAppendEndsWithCallTimeoutWithinTheTimeout() throws Exception {
    Duration timeout = Duration.ofMillis(300);
    start(ClientOptions.defaults().withTimeout(timeout), new BlackHole());

    long start = System.nanoTime();
    CallTimeout timedOut =
        catchThrowableOfType(CallTimeout.class, () -> client.call(append("log", text("once"))));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isBetween(timeout, timeout.plus(SLACK));
    assertThat(timedOut.site()).isEqualTo(FailureSite.READ);
    assertThat(timedOut.mayHaveExecuted()).isTrue();
    assertThat(timedOut.timeout()).isEqualTo(timeout);
    assertThat(attempts)
        .singleElement()
        .satisfies(a -> assertThat(a.decision()).contains(new RetryDecision(RetryReason.MAY_HAVE_EXECUTED)));
    assertThat(server.journal()).hasSize(1);
  }

  @Test
  void aGetThatHitsABlackHoleOnceIsResentAndAnswered() throws Exception {
    Duration timeout = Duration.ofMillis(300);
    start(ClientOptions.defaults().withTimeout(timeout), new BlackHole());
    server.putFile("f", text("x"));

    long start = System.nanoTime();
    Response response = client.call(get("f"));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(response.body()).isEqualTo(text("x"));
    assertThat(took).isBetween(timeout, timeout.plus(SLACK));
    assertThat(attempts.get(0).error()).containsInstanceOf(java.net.SocketTimeoutException.class);
    assertThat(attempts.get(0).decision()).contains(new RetryDecision(RetryReason.SAFE_TO_SEND_TWICE));
  }

  @Test
  void aGetAgainstAServerBlackHoledForGoodEndsWithCallTimeoutAfterOneResend() throws Exception {
    Duration timeout = Duration.ofMillis(300);
    start(ClientOptions.defaults().withTimeout(timeout), new BlackHole(), new BlackHole());
    server.putFile("f", text("x"));

    long start = System.nanoTime();
    CallTimeout timedOut = catchThrowableOfType(CallTimeout.class, () -> client.call(get("f")));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isBetween(timeout.multipliedBy(2), timeout.multipliedBy(2).plus(SLACK));
    assertThat(timedOut.getSuppressed()).hasSize(1);
    assertThat(attempts).extracting(Attempt::number).containsExactly(1, 2);
    assertThat(attempts.get(1).decision()).contains(new RetryDecision(RetryReason.ALREADY_RESENT));
  }

  @Test
  void aServerThatStopsReadingALargeRequestStallsTheWriteWhichIsResent() throws Exception {
    // long enough that the honest server reading 8 MiB never looks stalled
    Duration timeout = Duration.ofSeconds(1);
    start(ClientOptions.defaults().withTimeout(timeout), new StopReading());
    ByteString body = randomBytes(8 << 20, 3);

    client.call(append("big", body));

    Attempt stalled = attempts.get(0);
    assertThat(stalled.failedAt()).contains(FailureSite.WRITE);
    assertThat(stalled.writeCompleted()).isFalse();
    assertThat(stalled.error()).containsInstanceOf(java.net.SocketTimeoutException.class);
    assertThat(stalled.decision()).contains(new RetryDecision(RetryReason.NOT_RECEIVED));
    assertThat(server.file("big")).isEqualTo(body);
  }

  @Test
  void aLargeRequestStalledTwiceEndsWithCallTimeoutThatDidNotExecute() throws Exception {
    // long enough that the honest server reading 8 MiB never looks stalled
    Duration timeout = Duration.ofSeconds(1);
    start(ClientOptions.defaults().withTimeout(timeout), new StopReading(), new StopReading());

    CallTimeout timedOut =
        catchThrowableOfType(CallTimeout.class, () -> client.call(put("big", randomBytes(8 << 20, 4))));

    assertThat(timedOut.site()).isEqualTo(FailureSite.WRITE);
    assertThat(timedOut.mayHaveExecuted()).isFalse();
    assertThat(attempts).hasSize(2).allSatisfy(a -> assertThat(a.writeCompleted()).isFalse());
  }

  @Test
  void aServerClosingOnAcceptIsSeenAndTheReadVerbResent() throws Exception {
    start(new CloseOnAccept());
    server.putFile("f", text("x"));

    assertThat(client.call(get("f")).body()).isEqualTo(text("x"));
    assertThat(attempts).hasSize(2);
    assertThat(attempts.get(0).resent()).isTrue();
  }

  @Test
  void aFailedConnectIsNotResentAndDidNotExecute() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    client =
        new SmartClient(
            new TcpConnector(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)),
            ClientOptions.defaults().withTimeout(TIMEOUT),
            attempts::add);

    ConnectionLost lost = catchThrowableOfType(ConnectionLost.class, () -> client.call(get("f")));

    assertThat(lost.site()).isEqualTo(FailureSite.CONNECT);
    assertThat(lost.reason()).isEqualTo(RetryReason.CONNECT_FAILED);
    assertThat(lost.mayHaveExecuted()).isFalse();
    assertThat(attempts).singleElement().satisfies(a -> assertThat(a.connectionId()).isEmpty());
  }

  @Test
  void anErrorResponseIsARemoteErrorAndTheConnectionStaysUsable() throws Exception {
    start();

    RemoteError error = catchThrowableOfType(RemoteError.class, () -> client.call(get("missing")));

    assertThat(error.errorName()).isEqualTo("NoSuchFile");
    assertThat(error.errorArgs().bytes(1).utf8()).isEqualTo("missing");
    assertThat(attempts).singleElement().satisfies(a -> assertThat(a.response()).isPresent());
    server.putFile("f", text("x"));
    assertThat(client.call(get("f")).body()).isEqualTo(text("x"));
    assertThat(server.connectionsAccepted()).isEqualTo(1);
  }

  @Test
  void malformedResponseBytesAreAProtocolErrorAndNotResent() throws Exception {
    start(new Garbage("HTTP/1.0 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
    server.putFile("f", text("x"));

    ProtocolError error = catchThrowableOfType(ProtocolError.class, () -> client.call(get("f")));

    assertThat(error.kind()).isEqualTo(ProtocolError.Kind.BAD_VERSION_MARKER);
    assertThat(attempts).singleElement().satisfies(a -> assertThat(a.decision()).isEmpty());
  }

  @Test
  void aStreamThatFailsIsAbortedAsBreezyDoesAndItsFailureSurfaces() throws Exception {
    start();
    RuntimeException broken = new IllegalStateException("disk gone");
    List<ByteString> source = new ArrayList<>(List.of(text("one")));
    BodyStream stream =
        BodyStream.of(
            new java.util.Iterator<ByteString>() {
              int i;

              @Override
              public boolean hasNext() {
                return true;
              }

              @Override
              public ByteString next() {
                if (i < source.size()) {
                  return source.get(i++);
                }
                throw broken;
              }
            });

    IllegalStateException thrown =
        catchThrowableOfType(IllegalStateException.class, () -> client.call(insertStream("s", stream)));

    assertThat(thrown).isSameAs(broken);
    assertThat(attempts).singleElement().satisfies(a -> {
      assertThat(a.error()).containsSame(broken);
      assertThat(a.decision()).isEmpty();
    });
    byte[] sent = server.received(1);
    String tail = new String(sent, sent.length - 17, 17, StandardCharsets.ISO_8859_1);
    assertThat(tail).endsWith("oEs\u0000\u0000\u0000\u0009l5:erroree");
  }
}
