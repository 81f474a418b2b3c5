package dev.cutpoint.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.client.CallFailed;
import dev.cutpoint.client.ClientOptions;
import dev.cutpoint.client.ManualClock;
import dev.cutpoint.client.Request;
import dev.cutpoint.client.RequestBody;
import dev.cutpoint.client.SmartClient;
import dev.cutpoint.client.TcpConnector;
import dev.cutpoint.drive.CallRecorder;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.FaultPlan;
import dev.cutpoint.history.JournalEntry;
import dev.cutpoint.history.Payload;
import dev.cutpoint.history.ServerState;
import dev.cutpoint.history.StateEntry;
import dev.cutpoint.server.MemoryStore;
import dev.cutpoint.server.ServerConfig;
import dev.cutpoint.server.SmartServer;
import dev.cutpoint.toxiproxy.ToxiproxyProvider;
import dev.cutpoint.toxiproxy.ToxiproxyProviders;
import dev.cutpoint.verbs.VerbClass;
import dev.cutpoint.wire.Message;
import dev.cutpoint.wire.MessageEncoder;
import eu.rekawek.toxiproxy.Proxy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The nemesis on the embedded proxy, whose extension toxics cut RESET and BLACKHOLE at any byte
 * (SPEC §4.2): where each cut falls, as the server, the journal and the client's attempts see it,
 * and the black hole's evidence that the attempt can no longer progress (SPEC §5.4).
 */
class NemesisExtensionsTest {

  /** Every wait here is for an event; this only bounds a harness that failed to see it. */
  private static final Duration SAFETY_NET = Duration.ofSeconds(30);

  private static final AtomicLong PROXIES = new AtomicLong();

  private ToxiproxyProvider toxiproxy;
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final List<AttemptTrace> attempts = new CopyOnWriteArrayList<>();
  /** One permit per attempt that ended: the event a test waits for before it moves the clock. */
  private final Semaphore attemptEnded = new Semaphore(0);
  /** The client's time: it moves only when a test knows the attempt can no longer progress. */
  private final ManualClock clock = new ManualClock();

  @BeforeEach
  void startToxiproxy() throws IOException {
    toxiproxy = ToxiproxyProviders.open(Optional.of("embedded"));
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
    toxiproxy.close();
  }

  @Test
  void theEmbeddedProxysNemesisCutsWithItsExtensionsAndAnotherWithShopifysToxics() throws Exception {
    Proxy proxy = proxyTo(server().port());
    assertThat(nemesis(proxy).toxics()).isEqualTo(ProxyToxics.EMBEDDED);
    assertThat(new Nemesis(proxy, Optional.empty()).toxics()).isEqualTo(ProxyToxics.SHOPIFY);
  }

  @Test
  void resetAtWriteKLeavesExactlyKBytesAtTheServer() throws Exception {
    RecordingUpstream upstream = new RecordingUpstream();
    closing.add(upstream);
    Proxy proxy = proxyTo(upstream.port());
    Nemesis nemesis = nemesis(proxy);
    SmartClient client = clientOnTheTestsClock(proxy, nemesis);
    Request put = Request.of("put", VerbClass.IDEM,
        RequestBody.of(dev.cutpoint.wire.ByteString.of(Payload.generated("p", 200).bytes())), "f1", "");
    long k = 37;

    nemesis.arm(FaultPlan.write(0, k, FaultKind.RESET), length(put), 0, OptionalLong.empty());
    CompletableFuture<Optional<CallFailed>> call = CompletableFuture.supplyAsync(() -> call(client, put));
    // the reset ended the first attempt; the resend waits on an upstream that never answers
    assertThat(attemptEnded.tryAcquire(SAFETY_NET.toSeconds(), TimeUnit.SECONDS)).as("the first attempt ended").isTrue();
    endTheWait();
    assertThat(call.get(SAFETY_NET.toSeconds(), TimeUnit.SECONDS)).isPresent();

    assertThat(upstream.connections().get(0).bytes().get(SAFETY_NET.toSeconds(), TimeUnit.SECONDS)).hasSize((int) k);
    assertThat(attempts.get(0).connectionLost()).isTrue();
    assertThat(nemesis.injection(attempts.subList(0, 1)).fired()).isTrue();
  }

  @Test
  void resetAtReadJGivesTheClientNoMoreThanJResponseBytesAndTheServerRanIt() throws Exception {
    SmartServer server = server();
    Proxy proxy = proxyTo(server.port());
    Nemesis nemesis = nemesis(proxy);
    SmartClient client = client(proxy, nemesis, SAFETY_NET);
    Request get = Request.of("get", VerbClass.READ, RequestBody.NONE, "f0");
    long j = 11;

    nemesis.arm(FaultPlan.read(0, j, FaultKind.RESET), length(get), 60, OptionalLong.empty());
    assertThat(call(client, get)).isEmpty();

    assertThat(attempts).hasSize(2);
    assertThat(attempts.get(0).connectionLost()).isTrue();
    assertThat(attempts.get(0).bytesRead()).isBetween(0L, j);
    assertThat(nemesis.injection(attempts).fired()).isTrue();
    client.close();
    assertThat(server.awaitNoConnections(SAFETY_NET)).as("the server's connections closed: what it would run has run").isTrue();
    assertThat(server.journal().snapshot().entries()).extracting(JournalEntry::verb).containsExactly("get", "get");
  }

  @Test
  void aBlackHoleAtAllButTheTerminalByteSwallowsItAndTheServerRunsNothing() throws Exception {
    SmartServer server = server();
    Proxy proxy = proxyTo(server.port());
    Nemesis nemesis = nemesis(proxy);
    SmartClient client = clientOnTheTestsClock(proxy, nemesis);
    Request mkdir = Request.of("mkdir", VerbClass.SEMIVFS, RequestBody.NONE, "e", "");
    long n = length(mkdir);

    nemesis.arm(FaultPlan.flush(0, n - 1, FaultKind.BLACKHOLE), n, 0, OptionalLong.empty());
    CompletableFuture<Optional<CallFailed>> call = CompletableFuture.supplyAsync(() -> call(client, mkdir));

    assertThat(nemesis.awaitStalled(SAFETY_NET)).as("the terminal byte was swallowed").isTrue();
    endTheWait();
    assertThat(call.get(SAFETY_NET.toSeconds(), TimeUnit.SECONDS)).isPresent();
    assertThat(attempts).hasSize(1);
    assertThat(attempts.get(0).writeCompleted()).isTrue();
    assertThat(nemesis.injection(attempts).fired()).isTrue();
    nemesis.disarm();
    client.close();
    assertThat(server.awaitNoConnections(SAFETY_NET)).as("the server's connections closed: what it would run has run").isTrue();
    assertThat(server.journal().snapshot().entries()).isEmpty();
  }

  @Test
  void aBlackHoleAfterTheWholeRequestLetsTheServerRunItAndSwallowsTheAnswer() throws Exception {
    SmartServer server = server();
    Proxy proxy = proxyTo(server.port());
    Nemesis nemesis = nemesis(proxy);
    SmartClient client = clientOnTheTestsClock(proxy, nemesis);
    Request mkdir = Request.of("mkdir", VerbClass.SEMIVFS, RequestBody.NONE, "e", "");
    long n = length(mkdir);

    nemesis.arm(FaultPlan.flush(0, n, FaultKind.BLACKHOLE), n, 0, OptionalLong.empty());
    CompletableFuture<Optional<CallFailed>> call = CompletableFuture.supplyAsync(() -> call(client, mkdir));

    assertThat(nemesis.awaitStalled(SAFETY_NET)).as("the answer fell in").isTrue();
    endTheWait();
    assertThat(call.get(SAFETY_NET.toSeconds(), TimeUnit.SECONDS)).isPresent();
    assertThat(attempts.get(0).bytesRead()).isZero();
    assertThat(nemesis.injection(attempts).fired()).isTrue();
    assertThat(server.journal().snapshot().entries()).extracting(JournalEntry::verb).containsExactly("mkdir");
  }

  /** A real command's request may be shorter than its recording: its own length says when it is all in. */
  @Test
  void aRequestShorterThanItsRecordingStallsOnceTheHoleHasAllOfIt() throws Exception {
    SmartServer server = server();
    Proxy proxy = proxyTo(server.port());
    Nemesis nemesis = nemesis(proxy);
    long n = length(MKDIR);

    sendStalledOnceWritten(nemesis, proxy, FaultPlan.write(0, 0, FaultKind.BLACKHOLE), n + 3,
        "all " + n + " bytes fell in, not the recording's " + (n + 3));
    nemesis.disarm();
    assertThat(server.awaitNoConnections(SAFETY_NET)).as("the server's connections closed").isTrue();
    assertThat(server.journal().snapshot().entries()).isEmpty();
  }

  /** The same with Shopify's toxics and the embedded meter, as real commands are cut. */
  @Test
  void aShopifyBlackHoleStallsOnTheRequestsOwnLength() throws Exception {
    Proxy proxy = proxyTo(server().port());
    Nemesis nemesis = new Nemesis(proxy, Optional.empty(), toxiproxy.blackHoles(), Optional.empty());
    long n = length(MKDIR);

    sendStalledOnceWritten(nemesis, proxy, FaultPlan.write(0, 0, FaultKind.BLACKHOLE), n + 3,
        "all " + n + " bytes fell in, not the recording's " + (n + 3));
  }

  /** A request that ends before the cut its recording put in it passes whole; its answer falls in. */
  @Test
  void aRequestThatEndsBeforeTheCutStallsOnTheAnswer() throws Exception {
    SmartServer server = server();
    Proxy proxy = proxyTo(server.port());
    long n = length(MKDIR);

    sendStalledOnceWritten(nemesis(proxy), proxy, FaultPlan.write(0, n + 1, FaultKind.BLACKHOLE), n + 5,
        "the answer fell in");
    assertThat(attempts.get(0).bytesRead()).isZero();
    assertThat(server.journal().snapshot().entries()).extracting(JournalEntry::verb).containsExactly("mkdir");
  }

  private static final Request MKDIR = Request.of("mkdir", VerbClass.SEMIVFS, RequestBody.NONE, "e", "");

  /**
   * Arms {@code plan} for a recording of {@code recorded} bytes, says that the mkdir's own bytes
   * were all written, as the gate plugin does, sends it, and waits for the evidence of the stall;
   * the client's wait then ends and the call fails.
   */
  private void sendStalledOnceWritten(Nemesis nemesis, Proxy proxy, FaultPlan plan, long recorded, String evidence)
      throws Exception {
    SmartClient client = clientOnTheTestsClock(proxy, nemesis);
    nemesis.arm(plan, recorded, 0, OptionalLong.empty());
    nemesis.requestWritten(length(MKDIR));
    CompletableFuture<Optional<CallFailed>> call = CompletableFuture.supplyAsync(() -> call(client, MKDIR));

    assertThat(nemesis.awaitStalled(SAFETY_NET)).as(evidence).isTrue();
    endTheWait();
    assertThat(call.get(SAFETY_NET.toSeconds(), TimeUnit.SECONDS)).isPresent();
    client.close();
  }

  private Nemesis nemesis(Proxy proxy) {
    return new Nemesis(proxy, Optional.empty(), toxiproxy.blackHoles(), toxiproxy.extensions());
  }

  private Proxy proxyTo(int port) throws IOException {
    Proxy proxy = toxiproxy.createProxy("nemesis-extensions-test-" + PROXIES.incrementAndGet(), port);
    closing.add(proxy::delete);
    return proxy;
  }

  private SmartServer server() throws Exception {
    SmartServer server = SmartServer.start(new MemoryStore(), ServerConfig.loopback());
    closing.add(server);
    server.reset(ServerState.of(
        List.of(StateEntry.directory("d"), StateEntry.file("f0", Payload.generated("i0", 24).bytes())), List.of()));
    return server;
  }

  private SmartClient client(Proxy proxy, Nemesis nemesis, Duration timeout) {
    return client(proxy, nemesis, ClientOptions.defaults().withTimeout(timeout));
  }

  /** A client whose timeouts fire only when the test ends a wait ({@link #endTheWait}), as the harness's do. */
  private SmartClient clientOnTheTestsClock(Proxy proxy, Nemesis nemesis) {
    return client(proxy, nemesis, ClientOptions.defaults().withTimeout(Duration.ofSeconds(5)).withClock(clock));
  }

  private SmartClient client(Proxy proxy, Nemesis nemesis, ClientOptions options) {
    SmartClient client = new SmartClient(
        new GatedConnector(new TcpConnector(toxiproxy.endpoint(proxy)), nemesis),
        options,
        attempt -> {
          attempts.add(CallRecorder.trace(attempt));
          attemptEnded.release();
        });
    closing.add(client);
    return client;
  }

  /** Once the test has seen that the attempt can never progress: the client's own timeout fires. */
  private void endTheWait() throws InterruptedException {
    assertThat(clock.awaitWaiter(SAFETY_NET)).as("the client waits for an answer").isTrue();
    assertThat(clock.expireWaiters()).isPresent();
  }

  private static long length(Request request) {
    List<dev.cutpoint.wire.ByteString> chunks =
        request.body() instanceof RequestBody.Bytes b ? List.of(b.bytes()) : List.of();
    return MessageEncoder.encode(Message.request(request.wireArgs(), chunks)).length;
  }

  private static Optional<CallFailed> call(SmartClient client, Request request) {
    try {
      client.call(request);
      return Optional.empty();
    } catch (CallFailed e) {
      return Optional.of(e);
    }
  }
}
