package dev.cutpoint.fault;

import dev.cutpoint.client.CallFailed;
import dev.cutpoint.client.ClientOptions;
import dev.cutpoint.client.Connector;
import dev.cutpoint.client.Request;
import dev.cutpoint.client.RequestBody;
import dev.cutpoint.client.SmartClient;
import dev.cutpoint.client.TcpConnector;
import dev.cutpoint.drive.CallRecorder;
import dev.cutpoint.history.Delivery;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.FaultPlan;
import dev.cutpoint.history.Injection;
import dev.cutpoint.history.JournalEntry;
import dev.cutpoint.history.Payload;
import dev.cutpoint.history.Phase;
import dev.cutpoint.history.ServerState;
import dev.cutpoint.history.StateEntry;
import dev.cutpoint.server.MemoryStore;
import dev.cutpoint.server.ServerConfig;
import dev.cutpoint.server.SmartServer;
import dev.cutpoint.toxiproxy.ToxiproxyProvider;
import dev.cutpoint.toxiproxy.ToxiproxyProviders;
import dev.cutpoint.verbs.VerbClass;
import dev.cutpoint.wire.ByteString;
import dev.cutpoint.wire.Message;
import dev.cutpoint.wire.MessageEncoder;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Slicer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The nemesis puts each cut where the plan says, as the server, the journal and the client's
 * attempts see it, and the gated connector makes a fault one-shot. Runs against the configured
 * Toxiproxy (the embedded one by default).
 */
class NemesisTest {

  private static final AtomicLong PROXIES = new AtomicLong();

  private ToxiproxyProvider toxiproxy;
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final List<AttemptTrace> attempts = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startToxiproxy() throws IOException {
    toxiproxy = ToxiproxyProviders.open(Optional.empty());
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
    toxiproxy.close();
  }

  private Proxy proxyTo(int port) throws IOException {
    Proxy proxy = toxiproxy.createProxy("nemesis-test-" + PROXIES.incrementAndGet(), port);
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

  private SmartClient client(Connector connector, Duration timeout) {
    SmartClient client = new SmartClient(connector, ClientOptions.defaults().withTimeout(timeout),
        attempt -> attempts.add(CallRecorder.trace(attempt)));
    closing.add(client);
    return client;
  }

  private static long length(Request request) {
    List<ByteString> chunks = request.body() instanceof RequestBody.Bytes b ? List.of(b.bytes()) : List.of();
    return MessageEncoder.encode(Message.request(request.wireArgs(), chunks)).length;
  }

  private static Request put(String path, int size) {
    return Request.of("put", VerbClass.IDEM, RequestBody.of(ByteString.of(Payload.generated("p", size).bytes())), path, "");
  }

  private static Optional<CallFailed> call(SmartClient client, Request request) {
    try {
      client.call(request);
      return Optional.empty();
    } catch (CallFailed e) {
      return Optional.of(e);
    }
  }

  @Test
  void closeAtWriteKLeavesExactlyKBytesAtTheServer() throws Exception {
    RecordingUpstream upstream = new RecordingUpstream();
    closing.add(upstream);
    Proxy proxy = proxyTo(upstream.port());
    Nemesis nemesis = new Nemesis(proxy, Optional.empty());
    SmartClient client = client(new GatedConnector(new TcpConnector(toxiproxy.endpoint(proxy)), nemesis),
        Duration.ofMillis(300));
    Request request = put("f1", 200);
    long n = length(request);
    long k = 37;

    nemesis.arm(FaultPlan.write(0, k, FaultKind.CLOSE), n, 0, OptionalLong.empty());
    call(client, request);

    byte[] first = upstream.connections().get(0).bytes().get(5, TimeUnit.SECONDS);
    assertThat(first).hasSize((int) k);
    assertThat(attempts.get(0).failedAt()).isPresent();
    Injection injection = nemesis.injection(attempts.subList(0, 1));
    assertThat(injection.fired()).as(injection.evidence()).isTrue();
    // the resend went through on a connection of its own, the fault cleared
    assertThat(upstream.connections()).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void closeAtReadJGivesTheClientExactlyJResponseBytes() throws Exception {
    SmartServer server = server();
    Proxy proxy = proxyTo(server.port());
    Nemesis nemesis = new Nemesis(proxy, Optional.empty());
    SmartClient client = client(new GatedConnector(new TcpConnector(toxiproxy.endpoint(proxy)), nemesis),
        Duration.ofSeconds(5));
    Request get = Request.of("get", VerbClass.READ, RequestBody.NONE, "f0");
    long j = 11;

    nemesis.arm(FaultPlan.read(0, j, FaultKind.CLOSE), length(get), 80, OptionalLong.empty());
    assertThat(call(client, get)).isEmpty();

    assertThat(attempts).hasSize(2);
    assertThat(attempts.get(0).bytesRead()).isEqualTo(j);
    assertThat(attempts.get(0).writeCompleted()).isTrue();
    assertThat(nemesis.injection(attempts).fired()).isTrue();
    // read twice: the server ran it on the cut connection and again on the resend
    assertThat(server.journal().snapshot().entries()).extracting(JournalEntry::verb).containsExactly("get", "get");
  }

  @Test
  void flushAtAllButTheTerminalByteIsNotExecuted() throws Exception {
    SmartServer server = server();
    Proxy proxy = proxyTo(server.port());
    Nemesis nemesis = new Nemesis(proxy, Optional.empty());
    SmartClient client = client(new GatedConnector(new TcpConnector(toxiproxy.endpoint(proxy)), nemesis),
        Duration.ofSeconds(5));
    Request mkdir = Request.of("mkdir", VerbClass.SEMIVFS, RequestBody.NONE, "e", "");
    long n = length(mkdir);

    nemesis.arm(FaultPlan.flush(0, n - 1, FaultKind.CLOSE), n, 0, OptionalLong.empty());
    Optional<CallFailed> failure = call(client, mkdir);

    assertThat(failure).isPresent();
    assertThat(attempts).hasSize(1);
    assertThat(attempts.get(0).writeCompleted()).isTrue();
    assertThat(nemesis.injection(attempts).fired()).isTrue();
    assertThat(eventuallyQuiet(server)).isTrue();
    assertThat(server.journal().snapshot().entries()).isEmpty();
    assertThat(server.state().entry("e")).isEmpty();
  }

  @Test
  void flushAtTheWholeRequestIsExecutedOnce() throws Exception {
    SmartServer server = server();
    Proxy proxy = proxyTo(server.port());
    Nemesis nemesis = new Nemesis(proxy, Optional.empty());
    SmartClient client = client(new GatedConnector(new TcpConnector(toxiproxy.endpoint(proxy)), nemesis),
        Duration.ofSeconds(5));
    Request mkdir = Request.of("mkdir", VerbClass.SEMIVFS, RequestBody.NONE, "e", "");
    long n = length(mkdir);

    nemesis.arm(FaultPlan.flush(0, n, FaultKind.CLOSE), n, 0, OptionalLong.empty());
    call(client, mkdir);
    client.close();

    assertThat(nemesis.injection(attempts).fired()).isTrue();
    // the proxy may close the client's side before the server has even accepted its side: "quiet"
    // alone could be seen before the server got the message, so wait for the execution first
    assertThat(eventuallyJournalled(server)).isTrue();
    assertThat(eventuallyQuiet(server)).isTrue();
    assertThat(server.journal().snapshot().entries()).extracting(JournalEntry::verb).containsExactly("mkdir");
  }

  @Test
  void theGateClearsTheFaultBeforeTheClientReconnects() throws Exception {
    SmartServer server = server();
    Proxy proxy = proxyTo(server.port());
    Nemesis nemesis = new Nemesis(proxy, Optional.empty());
    List<Integer> toxicsAtConnect = new CopyOnWriteArrayList<>();
    TcpConnector tcp = new TcpConnector(toxiproxy.endpoint(proxy));
    Connector observing = timeout -> {
      toxicsAtConnect.add(proxy.toxics().getAll().size());
      return tcp.connect(timeout);
    };
    SmartClient client = client(new GatedConnector(observing, nemesis), Duration.ofSeconds(5));
    Request hello = Request.of("hello", VerbClass.READ, RequestBody.NONE);
    assertThat(call(client, hello)).isEmpty();
    long live = attempts.get(0).connectionId().getAsLong();

    nemesis.arm(FaultPlan.write(0, 0, FaultKind.CLOSE), length(hello), 0, OptionalLong.of(live));
    assertThat(nemesis.isArmed()).isTrue();
    assertThat(call(client, hello)).isEmpty();

    // first connect before the fault; the resend's connect only after the toxic was removed
    assertThat(toxicsAtConnect).containsExactly(0, 0);
    assertThat(nemesis.isArmed()).isFalse();
    assertThat(attempts.get(1).connectionId()).hasValue(live);
    assertThat(attempts.get(1).failedAt()).isPresent();
    assertThat(attempts.get(2).failedAt()).as("answered").isEmpty();
    assertThat(nemesis.injection(attempts.subList(1, 3)).fired()).isTrue();
  }

  @Test
  void aPersistentFaultStaysForEveryConnectionOfTheCall() throws Exception {
    SmartServer server = server();
    Proxy proxy = proxyTo(server.port());
    Nemesis nemesis = new Nemesis(proxy, Optional.empty());
    List<Integer> toxicsAtConnect = new CopyOnWriteArrayList<>();
    TcpConnector tcp = new TcpConnector(toxiproxy.endpoint(proxy));
    Connector observing = timeout -> {
      toxicsAtConnect.add(proxy.toxics().getAll().size());
      return tcp.connect(timeout);
    };
    SmartClient client = client(new GatedConnector(observing, nemesis), Duration.ofSeconds(5));
    Request get = Request.of("get", VerbClass.READ, RequestBody.NONE, "f0");

    nemesis.arm(FaultPlan.read(0, 0, FaultKind.CLOSE).persistently(), length(get), 80, OptionalLong.empty());
    assertThat(call(client, get)).isPresent();
    nemesis.disarm();

    assertThat(attempts).hasSize(2).allMatch(a -> a.failedAt().isPresent());
    assertThat(toxicsAtConnect).containsExactly(1, 1);
    assertThat(nemesis.injection(attempts).fired()).isTrue();
  }

  @Test
  void betweenByServerRestartKillsTheKeptConnection() throws Exception {
    SmartServer server = server();
    Proxy proxy = proxyTo(server.port());
    Nemesis nemesis = new Nemesis(proxy, Optional.of(() -> {
      int open = server.openConnections();
      return open - server.gracefulRestart(Duration.ofSeconds(2));
    }));
    SmartClient client = client(new GatedConnector(new TcpConnector(toxiproxy.endpoint(proxy)), nemesis),
        Duration.ofSeconds(5));
    Request hello = Request.of("hello", VerbClass.READ, RequestBody.NONE);
    assertThat(call(client, hello)).isEmpty();
    long live = attempts.get(0).connectionId().getAsLong();

    nemesis.arm(FaultPlan.between(1, Delivery.SERVER_RESTART), length(hello), 0, OptionalLong.of(live));
    assertThat(call(client, hello)).isEmpty();

    List<AttemptTrace> second = attempts.subList(1, attempts.size());
    assertThat(second).hasSize(2);
    assertThat(second.get(0).reusedConnection()).isTrue();
    assertThat(second.get(0).failedAt()).isPresent();
    Injection injection = nemesis.injection(second);
    assertThat(injection.fired()).as(injection.evidence()).isTrue();
    assertThat(injection.evidence()).contains("graceful restart");
  }

  @Test
  void betweenByProxyToggleKillsTheKeptConnection() throws Exception {
    SmartServer server = server();
    Proxy proxy = proxyTo(server.port());
    Nemesis nemesis = new Nemesis(proxy, Optional.empty());
    SmartClient client = client(new GatedConnector(new TcpConnector(toxiproxy.endpoint(proxy)), nemesis),
        Duration.ofSeconds(5));
    Request hello = Request.of("hello", VerbClass.READ, RequestBody.NONE);
    assertThat(call(client, hello)).isEmpty();
    long live = attempts.get(0).connectionId().getAsLong();

    assertThat(nemesis.canDeliver(Delivery.SERVER_RESTART)).isFalse();
    nemesis.arm(FaultPlan.between(1, Delivery.PROXY_TOGGLE), length(hello), 0, OptionalLong.of(live));
    assertThat(call(client, hello)).isEmpty();

    List<AttemptTrace> second = attempts.subList(1, attempts.size());
    assertThat(second.get(0).reusedConnection()).isTrue();
    assertThat(second.get(0).failedAt()).isPresent();
    assertThat(nemesis.injection(second).fired()).isTrue();
  }

  @Test
  void resetAtTheStartOfAFreshConnection() throws Exception {
    SmartServer server = server();
    Proxy proxy = proxyTo(server.port());
    Nemesis nemesis = new Nemesis(proxy, Optional.empty());
    SmartClient client = client(new GatedConnector(new TcpConnector(toxiproxy.endpoint(proxy)), nemesis),
        Duration.ofSeconds(5));
    Request has = Request.of("has", VerbClass.READ, RequestBody.NONE, "f0");

    nemesis.arm(FaultPlan.write(0, 0, FaultKind.RESET), length(has), 0, OptionalLong.empty());
    assertThat(call(client, has)).isEmpty();

    assertThat(attempts).hasSize(2);
    assertThat(attempts.get(0).connectionLost()).isTrue();
    assertThat(nemesis.injection(attempts).fired()).isTrue();
    client.close();
    assertThat(eventuallyQuiet(server)).isTrue();
    // the reset request never reached the server; the resend did
    assertThat(server.journal().snapshot().entries()).hasSize(1);
  }

  @Test
  void aBlackHoleIsEndedByTheClientsTimeout() throws Exception {
    SmartServer server = server();
    Proxy proxy = proxyTo(server.port());
    Nemesis nemesis = new Nemesis(proxy, Optional.empty());
    SmartClient client = client(new GatedConnector(new TcpConnector(toxiproxy.endpoint(proxy)), nemesis),
        Duration.ofMillis(150));
    Request has = Request.of("has", VerbClass.READ, RequestBody.NONE, "f0");

    nemesis.arm(FaultPlan.read(0, 0, FaultKind.BLACKHOLE), length(has), 40, OptionalLong.empty());
    call(client, has);

    assertThat(attempts.get(0).connectionLost()).isTrue();
    assertThat(attempts.get(0).failedAt()).contains(dev.cutpoint.history.FailureSite.READ);
    assertThat(attempts.get(0).bytesRead()).isZero();
    assertThat(nemesis.injection(attempts).fired()).isTrue();
  }

  /**
   * toxiproxy-java's slicer takes (average size, delay): each message in sixteen slices of exactly
   * its sixteenth, 20 µs apart, both ways; no size variation, so that a replay slices alike.
   */
  @Test
  void aSliceCutsEachMessageInSixteenEqualSlicesTwentyMicrosecondsApart() throws Exception {
    SmartServer server = server();
    Proxy proxy = proxyTo(server.port());
    Nemesis nemesis = new Nemesis(proxy, Optional.empty());

    nemesis.arm(FaultPlan.disturb(0, Phase.WRITE, FaultKind.SLICE), 3_200, 160, OptionalLong.empty());

    Map<ToxicDirection, Slicer> slicers = new EnumMap<>(ToxicDirection.class);
    for (Toxic toxic : proxy.toxics().getAll()) {
      slicers.put(toxic.getStream(), (Slicer) toxic);
    }
    assertThat(slicers.get(ToxicDirection.UPSTREAM))
        .extracting(Slicer::getAverageSize, Slicer::getSizeVariation, Slicer::getDelay)
        .containsExactly(200L, 0L, 20L);
    assertThat(slicers.get(ToxicDirection.DOWNSTREAM))
        .extracting(Slicer::getAverageSize, Slicer::getSizeVariation, Slicer::getDelay)
        .containsExactly(10L, 0L, 20L);
    nemesis.disarm();
    assertThat(proxy.toxics().getAll()).isEmpty();
  }

  @Test
  void armingTwiceIsRefused() throws Exception {
    SmartServer server = server();
    Nemesis nemesis = new Nemesis(proxyTo(server.port()), Optional.empty());
    nemesis.arm(FaultPlan.write(0, 0, FaultKind.CLOSE), 50, 0, OptionalLong.empty());
    assertThatThrownBy(() -> nemesis.arm(FaultPlan.write(0, 0, FaultKind.CLOSE), 50, 0, OptionalLong.empty()))
        .isInstanceOf(IllegalStateException.class);
    nemesis.reset();
    assertThat(nemesis.isArmed()).isFalse();
  }

  @Test
  void aNemesisNeverArmedReportsNoFiring() throws Exception {
    SmartServer server = server();
    Nemesis nemesis = new Nemesis(proxyTo(server.port()), Optional.empty());
    assertThat(nemesis.injection(List.of()).fired()).isFalse();
  }

  private static boolean eventuallyJournalled(SmartServer server) {
    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (server.journal().snapshot().entries().isEmpty() && System.nanoTime() < end) {
      java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
    }
    return !server.journal().snapshot().entries().isEmpty();
  }

  private static boolean eventuallyQuiet(SmartServer server) {
    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < end) {
      if (server.openConnections() == 0) {
        return true;
      }
      java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
    }
    return server.openConnections() == 0;
  }
}
