package dev.cutpoint.drive.breezy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutpoint.drive.brzserve.BrzServe;
import dev.cutpoint.history.FailureSite;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Breezy's real client against a server that misbehaves on cue: the gate, the timeouts, and where
 * Breezy's resend rule differs from SPEC §1.
 */
class BreezyClientFaultTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final ClientSettings SHORT_TIMEOUT =
      new ClientSettings(Duration.ofMillis(500), false);

  private static BreezyInstallation breezy;
  private final List<PendingConnect> connects = new CopyOnWriteArrayList<>();
  private BreezyClient client;
  private ScriptedServer server;

  @BeforeAll
  static void requireBreezy() {
    breezy = InstalledBreezy.require();
  }

  @AfterEach
  void stop() throws IOException {
    try {
      if (client != null) {
        client.close();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  /** SPEC §5.3: nothing connects until the gate returns. */
  @Test
  void eachConnectWaitsAtTheGateUntilReleased() throws Exception {
    try (ServerSocketChannel listener = ServerSocketChannel.open()) {
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      listener.configureBlocking(false);
      CountDownLatch atGate = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      client =
          BreezyClient.start(
              breezy,
              pending -> {
                connects.add(pending);
                atGate.countDown();
                await(release);
              },
              DEADLINE);
      client.open(BrzServe.HOST, listener.socket().getLocalPort(), SHORT_TIMEOUT.withNoRetry());

      CompletableFuture<CallRecord> call =
          CompletableFuture.supplyAsync(() -> client.call(BreezyCall.of("hello")));
      assertThat(atGate.await(30, TimeUnit.SECONDS)).isTrue();

      assertThat(listener.accept()).as("a connection before the gate opened").isNull();
      assertThat(call).isNotDone();
      release.countDown();
      try (Selector selector = Selector.open()) {
        listener.register(selector, SelectionKey.OP_ACCEPT);
        assertThat(selector.select(30_000)).as("the connect after the gate opened").isOne();
        listener.accept().close();
      }
      CallRecord record = call.get(30, TimeUnit.SECONDS);
      assertThat(record.outcome()).isInstanceOf(CallOutcome.ClientException.class);
      assertThat(connects).containsExactly(new PendingConnect(1, 1, 1));
    }
  }

  @Test
  void aResendPassesTheGateAgain() throws IOException {
    server =
        new ScriptedServer(
            List.of(
                ScriptedServer.readingThenClosing(),
                ScriptedServer.answering(ScriptedServer.HELLO_RESPONSE)));
    client = BreezyClient.start(breezy, connects::add, DEADLINE);
    client.open(BrzServe.HOST, server.port(), SHORT_TIMEOUT);

    CallRecord hello = client.call(BreezyCall.of("hello"));

    assertThat(hello.outcome()).isEqualTo(new CallOutcome.Response(List.of("ok", "2"), Optional.empty()));
    assertThat(connects).containsExactly(new PendingConnect(1, 1, 1), new PendingConnect(1, 2, 2));
  }

  @Test
  void aGateThatThrowsEndsTheDriverAndReachesTheCaller() throws IOException {
    server = new ScriptedServer(List.of(ScriptedServer.answering(ScriptedServer.HELLO_RESPONSE)));
    IllegalStateException refusal = new IllegalStateException("nemesis failed to disarm");
    client =
        BreezyClient.start(
            breezy,
            pending -> {
              throw refusal;
            },
            DEADLINE);
    client.open(BrzServe.HOST, server.port(), SHORT_TIMEOUT);

    assertThatThrownBy(() -> client.call(BreezyCall.of("hello"))).isSameAs(refusal);
    assertThat(client.alive()).isFalse();
  }

  /**
   * A black hole ends within the read timeout, as Python's {@code TimeoutError}: not a {@code
   * ConnectionReset}, so Breezy neither resends nor resets its medium, and the next call on that
   * medium fails at once with {@code TooManyConcurrentRequests} (finding: the medium's
   * {@code _current_request} is left set, breezy/bzr/smart/medium.py:1199-1200). Opening a fresh
   * client recovers.
   */
  @Test
  void aBlackHoleTimesOutAndLeavesBreezysMediumUnusable() throws IOException {
    server =
        new ScriptedServer(
            List.of(ScriptedServer.silent(), ScriptedServer.answering(ScriptedServer.HELLO_RESPONSE)));
    client = BreezyClient.start(breezy, connects::add, DEADLINE);
    client.open(BrzServe.HOST, server.port(), SHORT_TIMEOUT);

    CallRecord stuck = client.call(BreezyCall.of("hello"));
    CallRecord next = client.call(BreezyCall.of("hello"));
    client.open(BrzServe.HOST, server.port(), SHORT_TIMEOUT);
    CallRecord fresh = client.call(BreezyCall.of("hello"));

    assertThat(stuck.outcome())
        .isEqualTo(new CallOutcome.ClientException("TimeoutError", "builtins", "timed out"));
    assertThat(stuck.attempts())
        .singleElement()
        .satisfies(a -> assertThat(a.error()).map(AttemptError::site).contains(FailureSite.READ));
    assertThat(stuck.elapsed()).isLessThan(Duration.ofSeconds(10));
    assertThat(next.outcome())
        .isInstanceOfSatisfying(
            CallOutcome.ClientException.class,
            e -> assertThat(e.type()).isEqualTo("TooManyConcurrentRequests"));
    assertThat(next.attempts()).isEmpty();
    assertThat(fresh.outcome()).isInstanceOf(CallOutcome.Response.class);
  }

  /** The per-call deadline is the harness's own guard: a stuck driver is killed, not waited on. */
  @Test
  void aDriverPastItsDeadlineIsKilled() throws IOException {
    server = new ScriptedServer(List.of(ScriptedServer.silent()));
    client = BreezyClient.start(breezy, connects::add, Duration.ofSeconds(1));
    client.open(BrzServe.HOST, server.port(), new ClientSettings(Duration.ofSeconds(60), false));
    long pid = client.info().pid();

    assertThatThrownBy(() -> client.call(BreezyCall.of("hello")))
        .isInstanceOfSatisfying(
            DriverTimeout.class,
            e -> assertThat(e.deadline()).isEqualTo(Duration.ofSeconds(1)));
    assertThat(client.alive()).isFalse();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
  }

  /**
   * Finding: Breezy's resend window ends when the response arguments have been read
   * (client.py:189-203 wraps only {@code read_response_tuple}). A cut inside the body of a {@code
   * get} (a {@code read} verb) surfaces as {@code ConnectionReset} from {@code read_body_bytes}
   * (message.py:292) with no resend, and the medium is left unusable.
   */
  @Test
  void aCutInsideAResponseBodyIsNotResentEvenForAReadVerb() throws IOException {
    byte[] get = ScriptedServer.GET_RESPONSE;
    server =
        new ScriptedServer(
            List.of(
                ScriptedServer.cutting(get, get.length - 4),
                ScriptedServer.answering(get)));
    client = BreezyClient.start(breezy, connects::add, DEADLINE);
    client.open(BrzServe.HOST, server.port(), SHORT_TIMEOUT);

    CallRecord cut = client.call(BreezyCall.of("get", "a"));
    CallRecord next = client.call(BreezyCall.of("get", "a"));

    assertThat(cut.outcome())
        .isInstanceOfSatisfying(
            CallOutcome.ClientException.class, e -> assertThat(e.type()).isEqualTo("ConnectionReset"));
    assertThat(cut.attempts())
        .singleElement()
        .satisfies(
            attempt -> {
              assertThat(attempt.bytesRead()).isEqualTo(get.length - 4);
              assertThat(attempt.endOfStream()).isTrue();
              assertThat(attempt.error()).map(AttemptError::site).contains(FailureSite.READ);
            });
    assertThat(cut.warnings()).isEmpty();
    assertThat(next.outcome())
        .isInstanceOfSatisfying(
            CallOutcome.ClientException.class,
            e -> assertThat(e.type()).isEqualTo("TooManyConcurrentRequests"));
  }

  /** Before the arguments are complete, the same cut is resent, as SPEC §1 says. */
  @Test
  void aCutBeforeTheResponseArgumentsIsResentForAReadVerb() throws IOException {
    byte[] get = ScriptedServer.GET_RESPONSE;
    server =
        new ScriptedServer(
            List.of(ScriptedServer.cutting(get, 30), ScriptedServer.answering(get)));
    client = BreezyClient.start(breezy, connects::add, DEADLINE);
    client.open(BrzServe.HOST, server.port(), SHORT_TIMEOUT);

    CallRecord cut = client.call(BreezyCall.of("get", "a"));

    assertThat(cut.outcome())
        .isEqualTo(
            new CallOutcome.Response(List.of("ok"), Optional.of("hello world".getBytes())));
    assertThat(cut.resends()).isEqualTo(1);
    assertThat(cut.attempts().get(0).bytesRead()).isEqualTo(30);
  }

  /**
   * Finding: "at most one resend per call" (SPEC §1, I5) holds per phase, not per call. A write
   * failure is resent (client.py:287-292), and a read failure of that resend is resent again
   * (client.py:192-203): three sendings of one {@code put}.
   */
  @Test
  void aWriteFailureThenAReadFailureMakeTwoResends() throws IOException {
    server =
        new ScriptedServer(
            List.of(
                ScriptedServer.resetting(),
                ScriptedServer.readingThenClosing(),
                ScriptedServer.answering(ScriptedServer.PUT_RESPONSE)));
    client = BreezyClient.start(breezy, connects::add, DEADLINE);
    client.open(BrzServe.HOST, server.port(), new ClientSettings(Duration.ofSeconds(10), false));
    byte[] large = new byte[8 << 20];

    CallRecord put = client.call(BreezyCall.withBody("put", large, "f", ""));

    assertThat(put.outcome()).isEqualTo(new CallOutcome.Response(List.of("ok"), Optional.empty()));
    assertThat(put.attempts()).hasSize(3);
    assertThat(put.attempts().get(0).error()).map(AttemptError::site).contains(FailureSite.WRITE);
    assertThat(put.attempts().get(0).writeCompleted()).isFalse();
    assertThat(put.attempts().get(1).error()).map(AttemptError::site).contains(FailureSite.READ);
    assertThat(put.attempts().get(2).connection()).isEqualTo(OptionalLong.of(3));
    assertThat(put.warnings())
        .containsExactly(
            "ConnectionReset calling b'put', retrying",
            "ConnectionReset reading response for b'put', retrying");
  }

  /**
   * SPEC §1's stream rule, with real Breezy: after the server closed the idle connection, a body
   * stream call flushes its header first to provoke the failure early (protocol.py:1389-1391), but
   * the write succeeds into the socket buffer, the stream starts, and the failure (on a later write
   * or on read) is not resent (client.py:160, 279-280): a stream is consumed once.
   */
  @Test
  void aStartedBodyStreamIsNeverResent() throws IOException {
    server =
        new ScriptedServer(
            List.of(
                ScriptedServer.answeringOnceThenClosing(ScriptedServer.HELLO_RESPONSE),
                ScriptedServer.answering(ScriptedServer.PUT_RESPONSE)));
    client = BreezyClient.start(breezy, connects::add, DEADLINE);
    client.open(BrzServe.HOST, server.port(), SHORT_TIMEOUT);
    client.call(BreezyCall.of("hello"));

    CallRecord stream =
        client.call(
            BreezyCall.withStream(
                "insert_stream", List.of("one".getBytes(), "two".getBytes(), "three".getBytes()), "x"));

    assertThat(stream.outcome())
        .isInstanceOfSatisfying(
            CallOutcome.ClientException.class, e -> assertThat(e.type()).isEqualTo("ConnectionReset"));
    assertThat(stream.attempts())
        .singleElement()
        .satisfies(
            attempt -> {
              assertThat(attempt.bodyStreamStarted()).contains(true);
              assertThat(attempt.streamChunksSent()).isPositive();
              assertThat(attempt.error()).isPresent();
            });
    assertThat(stream.warnings()).isEmpty();
  }

  /** A request that could not connect at all reports where: connect, with no connection id. */
  @Test
  void aRefusedConnectionIsAConnectFailure() throws IOException {
    int closedPort;
    try (ServerSocketChannel probe = ServerSocketChannel.open()) {
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      closedPort = probe.socket().getLocalPort();
    }
    client = BreezyClient.start(breezy, connects::add, DEADLINE);
    client.open(BrzServe.HOST, closedPort, SHORT_TIMEOUT);

    CallRecord refused = client.call(BreezyCall.of("hello"));

    assertThat(refused.outcome())
        .isInstanceOfSatisfying(
            CallOutcome.ClientException.class, e -> assertThat(e.type()).isEqualTo("ConnectionError"));
    assertThat(refused.attempts())
        .singleElement()
        .satisfies(
            attempt -> {
              assertThat(attempt.connection()).isEmpty();
              assertThat(attempt.bytesWritten()).isZero();
              assertThat(attempt.error()).map(AttemptError::site).contains(FailureSite.CONNECT);
            });
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the gate");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
