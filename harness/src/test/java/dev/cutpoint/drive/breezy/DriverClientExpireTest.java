package dev.cutpoint.drive.breezy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutpoint.drive.RequestDraft;
import dev.cutpoint.drive.brzserve.BrzServe;
import dev.cutpoint.history.Call;
import dev.cutpoint.history.ErrorRecord;
import dev.cutpoint.history.FailureSite;
import dev.cutpoint.history.OutcomeKind;
import dev.cutpoint.history.Request;
import dev.cutpoint.verbs.VerbClass;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SPEC §5.4 for Breezy's client, which has no timeout: the harness ends a black-holed call itself
 * ({@link DriverClient#expire}); the driver's socket timeout is only a safety net, and a call that
 * runs into it is the harness's failure.
 */
class DriverClientExpireTest {

  private static final Duration SAFETY_NET = Duration.ofSeconds(60);
  private static final long BOUND_MILLIS = 120_000;
  /** Far below the safety net: the call ended on the harness's word, not on the net. */
  private static final Duration PROMPTLY = Duration.ofSeconds(10);

  private static BreezyInstallation breezy;
  private DriverClient client;
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

  @Test
  void anExpiredCallFailsPromptlyWithTheErrorOfARealTimeout() throws Exception {
    CountDownLatch swallowed = new CountDownLatch(1);
    server = new ScriptedServer(List.of(blackHole(swallowed), blackHole(new CountDownLatch(1))));
    client = DriverClient.start(breezy, Optional.empty(), false);
    Request get = client.recorded(0, RequestDraft.plain("get", VerbClass.READ, "f0"));

    client.open(address(), SAFETY_NET);
    CompletableFuture<Call> pending = CompletableFuture.supplyAsync(() -> client.call(get, BOUND_MILLIS));
    assertThat(swallowed.await(30, TimeUnit.SECONDS)).as("the server has the whole request").isTrue();
    long expiredAt = System.nanoTime();
    client.expire();
    Call expired = pending.get(30, TimeUnit.SECONDS);
    Duration took = Duration.ofNanos(System.nanoTime() - expiredAt);
    var expiredAttempts = client.lastAttempts();

    // what the same black hole gives today, on a short socket timeout of the old kind
    client.open(address(), Duration.ofMillis(300));
    Call timedOut = client.call(get, BOUND_MILLIS);

    assertThat(took).isLessThan(PROMPTLY);
    assertThat(expired.outcome().kind()).isEqualTo(OutcomeKind.FAILED);
    assertThat(expired.outcome().error().map(ErrorRecord::type)).contains("TimeoutError");
    assertThat(expired.outcome().error().map(ErrorRecord::message)).contains("timed out");
    assertThat(expired.outcome()).isEqualTo(timedOut.outcome());
    assertThat(expired.attempts()).singleElement()
        .satisfies(a -> assertThat(a.failure().orElseThrow().site()).isEqualTo(FailureSite.READ));
    assertThat(expired.attempts().get(0).failure()).isEqualTo(timedOut.attempts().get(0).failure());
    assertThat(expiredAttempts).singleElement()
        .satisfies(a -> assertThat(a.writeCompleted()).isTrue());
  }

  /** A black hole that stops reading blocks Breezy's send: the expire ends that wait too. */
  @Test
  void anExpireEndsAWriteThatCannotProgress() throws Exception {
    CountDownLatch connected = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    server =
        new ScriptedServer(
            List.of(
                socket -> {
                  connected.countDown();
                  awaitQuietly(release);
                }));
    try (BreezyClient breezyClient = BreezyClient.start(breezy, ConnectionGate.OPEN, SAFETY_NET)) {
      breezyClient.open(BrzServe.HOST, server.port(), new ClientSettings(SAFETY_NET, false));
      CompletableFuture<CallRecord> pending =
          CompletableFuture.supplyAsync(
              () -> breezyClient.call(BreezyCall.withBody("put", new byte[16 << 20], "f", "")));
      assertThat(connected.await(30, TimeUnit.SECONDS)).as("the client connected").isTrue();

      breezyClient.expire();
      CallRecord put = pending.get(30, TimeUnit.SECONDS);

      assertThat(put.outcome())
          .isEqualTo(new CallOutcome.ClientException("TimeoutError", "builtins", "timed out"));
      assertThat(put.expired()).isTrue();
      assertThat(put.safetyNet()).isFalse();
      assertThat(put.attempts())
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.writeCompleted()).isFalse();
                assertThat(a.error().map(AttemptError::site)).contains(FailureSite.WRITE);
              });
    } finally {
      release.countDown();
    }
  }

  @Test
  void anExpireBetweenCallsChangesNothing() throws Exception {
    server = new ScriptedServer(List.of(ScriptedServer.answering(ScriptedServer.HELLO_RESPONSE)));
    client = DriverClient.start(breezy, Optional.empty(), false);
    Request has = client.recorded(0, RequestDraft.plain("has", VerbClass.READ, "f0"));
    client.open(address(), SAFETY_NET);

    client.expire();
    Call call = client.call(has, BOUND_MILLIS);

    assertThat(call.outcome().kind()).isEqualTo(OutcomeKind.SUCCESS);
  }

  /** Nobody expired the call: it ends on the net, and that is the harness failing the case. */
  @Test
  void aCallThatRunsIntoTheSafetyNetIsAHarnessFailureAndTheDriverCarriesOn() throws Exception {
    CountDownLatch swallowed = new CountDownLatch(1);
    server =
        new ScriptedServer(
            List.of(blackHole(swallowed), ScriptedServer.answering(ScriptedServer.HELLO_RESPONSE)));
    Duration shortNet = Duration.ofMillis(500);
    client = DriverClient.start(breezy, Optional.empty(), false, shortNet);
    Request has = client.recorded(0, RequestDraft.plain("has", VerbClass.READ, "f0"));

    client.open(address(), shortNet);
    assertThatThrownBy(() -> client.call(has, BOUND_MILLIS))
        .isInstanceOfSatisfying(
            SafetyNetExpired.class,
            e -> {
              assertThat(e.command()).isEqualTo("call #1 has");
              assertThat(e.safetyNet()).isEqualTo(shortNet);
            })
        .isInstanceOf(DriverFailure.class);
    client.open(address(), shortNet);
    Call next = client.call(has, BOUND_MILLIS);

    assertThat(next.outcome().kind()).isEqualTo(OutcomeKind.SUCCESS);
  }

  private InetSocketAddress address() {
    return new InetSocketAddress(BrzServe.HOST, server.port());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reads the request, says so, then never writes: waits for the client to leave. */
  private static ScriptedServer.Script blackHole(CountDownLatch swallowed) {
    return socket -> {
      ScriptedServer.readMessage(socket.getInputStream());
      swallowed.countDown();
      socket.getInputStream().read();
    };
  }
}
