package dev.cutpoint.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutpoint.client.Attempt;
import dev.cutpoint.client.AttemptListener;
import dev.cutpoint.client.CallFailed;
import dev.cutpoint.client.ClientOptions;
import dev.cutpoint.client.ConnectionLost;
import dev.cutpoint.client.Request;
import dev.cutpoint.client.RequestBody;
import dev.cutpoint.client.Response;
import dev.cutpoint.client.RetryReason;
import dev.cutpoint.client.SmartClient;
import dev.cutpoint.client.TcpConnector;
import dev.cutpoint.drive.Bug819604;
import dev.cutpoint.drive.Workload;
import dev.cutpoint.history.Delivery;
import dev.cutpoint.history.Payload;
import dev.cutpoint.server.MemoryStore;
import dev.cutpoint.server.ServerConfig;
import dev.cutpoint.server.SmartServer;
import dev.cutpoint.toxiproxy.ToxiproxyProvider;
import dev.cutpoint.toxiproxy.ToxiproxyProviders;
import dev.cutpoint.verbs.VerbClass;
import dev.cutpoint.wire.ByteString;
import eu.rekawek.toxiproxy.Proxy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The named scenario {@code bug-819604} (SPEC §1, §8): the server goes away between two requests
 * of a client — a live upgrade, made either by the reference server's own graceful restart or by
 * Toxiproxy disabling and re-enabling the proxy (the configured one: embedded by default) — and the
 * client's next call finds its connection dead. With Breezy's resend rules that call, whichever
 * read or idem verb it is, succeeds after exactly one resend and the calls after it on the first
 * try; with {@code noretry} it fails with a connection error: the bug, reproduced.
 */
class Bug819604Test {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Duration QUIET = Duration.ofSeconds(5);

  private static SmartServer server;
  private static ToxiproxyProvider toxiproxy;
  private static Proxy proxy;

  private final List<Attempt> attempts = new ArrayList<>();
  private SmartClient client;

  @BeforeAll
  static void start() throws Exception {
    server = SmartServer.start(new MemoryStore(), ServerConfig.loopback());
    toxiproxy = ToxiproxyProviders.open(Optional.empty());
    proxy = toxiproxy.createProxy("cutpoint-bug819604-" + ProcessHandle.current().pid(), server.port());
  }

  @AfterAll
  static void stop() throws IOException {
    try {
      if (proxy != null) {
        proxy.delete();
      }
    } finally {
      if (toxiproxy != null) {
        toxiproxy.close();
      }
      if (server != null) {
        server.close();
      }
    }
  }

  @BeforeEach
  void resetServer() throws Exception {
    // the previous test's client has closed, but the server may not have read its EOF yet
    awaitServerQuiet();
    server.reset(Workload.initialState());
  }

  @AfterEach
  void closeClient() {
    if (client != null) {
      client.close();
    }
  }

  /** The read and idem calls a client may make first after the upgrade. */
  static Stream<Request> firstCallsAfterTheUpgrade() {
    return Stream.of(
        Request.of("hello", VerbClass.READ, RequestBody.NONE),
        Request.of("get", VerbClass.READ, RequestBody.NONE, "f0"),
        Request.of("has", VerbClass.READ, RequestBody.NONE, "d/f1"),
        Request.of("stat", VerbClass.READ, RequestBody.NONE, "f0"),
        Request.of("list_dir", VerbClass.READ, RequestBody.NONE, "d"),
        Request.of("readv", VerbClass.READ, RequestBody.readv(List.of(new RequestBody.Range(0, 4))), "f0"),
        Request.of("put", VerbClass.IDEM, body("after-upgrade"), "f0", ""),
        Request.of("put_non_atomic", VerbClass.IDEM, body("after-upgrade"), "d/f2", "", "F", ""));
  }

  static Stream<Arguments> upgradesAndFirstCalls() {
    return Stream.of(Delivery.SERVER_RESTART, Delivery.PROXY_TOGGLE)
        .flatMap(upgrade -> firstCallsAfterTheUpgrade().map(call -> Arguments.of(upgrade, Named.of(call.verb(), call))));
  }

  @ParameterizedTest(name = "{0}, then {1}")
  @MethodSource("upgradesAndFirstCalls")
  void withBreezysResendRulesTheFirstCallAfterTheUpgradeSucceedsAfterOneResend(Delivery upgrade, Request first)
      throws Exception {
    connect(false);
    callsBeforeTheUpgrade();
    upgrade(upgrade);

    attempts.clear();
    client.call(first);
    assertThat(attempts).as("attempts of %s after the upgrade", first.verb()).hasSize(2);
    Attempt dead = attempts.get(0);
    assertThat(dead.reusedConnection()).as("the first attempt used the connection kept from before").isTrue();
    assertThat(dead.failedAt()).isPresent();
    assertThat(dead.decision()).get().satisfies(d -> {
      assertThat(d.resend()).isTrue();
      assertThat(d.reason()).isIn(RetryReason.NOT_RECEIVED, RetryReason.SAFE_TO_SEND_TWICE);
    });
    Attempt resent = attempts.get(1);
    assertThat(resent.connectionId()).isNotEqualTo(dead.connectionId());
    assertThat(resent.response()).isPresent();

    everyLaterReadAndIdemCallSucceedsFirstTime();
  }

  @ParameterizedTest(name = "{0}, then {1}")
  @MethodSource("upgradesAndFirstCalls")
  void withNoretryTheFirstCallAfterTheUpgradeFailsWithAConnectionError(Delivery upgrade, Request first)
      throws Exception {
    connect(true);
    callsBeforeTheUpgrade();
    upgrade(upgrade);

    attempts.clear();
    assertThatThrownBy(() -> client.call(first))
        .as("%s after the upgrade with noretry", first.verb())
        .isInstanceOf(ConnectionLost.class)
        .satisfies(e -> assertThat(((ConnectionLost) e).reason()).isEqualTo(RetryReason.NO_RETRY));
    assertThat(attempts).hasSize(1);
    assertThat(attempts.get(0).reusedConnection()).isTrue();

    // the bug costs that one call: the client opens a new connection for the next
    everyLaterReadAndIdemCallSucceedsFirstTime();
  }

  @Test
  void theReproduceCommandTellsBothEndings() throws Exception {
    ByteArrayOutputStream story = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(story, true, StandardCharsets.UTF_8)) {
      assertThat(Bug819604.tell(out, false)).isEqualTo(Bug819604.Ending.SUCCEEDED);
      assertThat(Bug819604.tell(out, true)).isEqualTo(Bug819604.Ending.FAILED_WITH_CONNECTION_ERROR);
    }
    assertThat(story.toString(StandardCharsets.UTF_8))
        .contains("reconnect and resend", "bug 819604 fixed", "no resend (no_retry)", "bug 819604 reproduced");
  }

  private void connect(boolean noRetry) {
    ClientOptions options = ClientOptions.defaults().withNoRetry(noRetry).withTimeout(TIMEOUT);
    AttemptListener record = attempts::add;
    client = new SmartClient(new TcpConnector(toxiproxy.endpoint(proxy)), options, record);
  }

  /** A read and an idem call on one connection, which the client keeps for the next call. */
  private void callsBeforeTheUpgrade() throws CallFailed {
    attempts.clear();
    client.call(Request.of("hello", VerbClass.READ, RequestBody.NONE));
    client.call(Request.of("put", VerbClass.IDEM, body("before-upgrade"), "f1", ""));
    assertThat(attempts).hasSize(2).allSatisfy(a -> assertThat(a.response()).isPresent());
    assertThat(attempts.get(1).reusedConnection()).isTrue();
  }

  /** The live upgrade: every connection closes between two requests; new ones are accepted. */
  private void upgrade(Delivery upgrade) throws IOException {
    assertThat(server.openConnections()).as("the client's connection is open before the upgrade").isEqualTo(1);
    switch (upgrade) {
      case SERVER_RESTART -> assertThat(server.gracefulRestart(QUIET)).as("connections left open").isZero();
      case PROXY_TOGGLE -> {
        proxy.disable();
        proxy.enable();
        awaitServerQuiet();
      }
      case TOXIC -> throw new IllegalArgumentException("a live upgrade closes connections between requests");
    }
  }

  private void everyLaterReadAndIdemCallSucceedsFirstTime() throws CallFailed {
    List<Request> later = List.of(
        Request.of("get", VerbClass.READ, RequestBody.NONE, "f1"),
        Request.of("put", VerbClass.IDEM, body("later"), "f1", ""),
        Request.of("get", VerbClass.READ, RequestBody.NONE, "f1"),
        Request.of("list_dir", VerbClass.READ, RequestBody.NONE, "d"));
    List<Response> responses = new ArrayList<>();
    for (Request request : later) {
      attempts.clear();
      responses.add(client.call(request));
      assertThat(attempts).as("attempts of %s", request.verb()).hasSize(1);
    }
    assertThat(responses.get(0).body().utf8()).startsWith("[before-upgrade]");
    assertThat(responses.get(2).body().utf8()).startsWith("[later]");
  }

  /** Closed links (a disabled proxy, a closed client) end on the server as soon as it reads the EOF. */
  private static void awaitServerQuiet() {
    long deadline = System.nanoTime() + QUIET.toNanos();
    while (server.openConnections() > 0) {
      assertThat(System.nanoTime() - deadline).as("the server still holds a connection after the toggle").isNegative();
      LockSupport.parkNanos(1_000_000);
    }
  }

  private static RequestBody body(String marker) {
    return RequestBody.of(ByteString.of(Payload.generated(marker, 64).bytes()));
  }
}
