package dev.cutpoint.drive;

import dev.cutpoint.client.CallFailed;
import dev.cutpoint.client.ClientOptions;
import dev.cutpoint.client.SmartClient;
import dev.cutpoint.client.TcpConnector;
import dev.cutpoint.fault.Delivery;
import dev.cutpoint.fault.FaultCells;
import dev.cutpoint.fault.FaultKind;
import dev.cutpoint.fault.FaultPlan;
import dev.cutpoint.fault.GatedConnector;
import dev.cutpoint.fault.Nemesis;
import dev.cutpoint.history.Call;
import dev.cutpoint.history.CaseRecord;
import dev.cutpoint.history.Injection;
import dev.cutpoint.history.Journal;
import dev.cutpoint.history.Probe;
import dev.cutpoint.history.Request;
import dev.cutpoint.history.Scenario;
import dev.cutpoint.history.ServerState;
import dev.cutpoint.server.MemoryStore;
import dev.cutpoint.server.ServerConfig;
import dev.cutpoint.server.SmartServer;
import dev.cutpoint.server.VfsError;
import dev.cutpoint.toxiproxy.ToxiproxyProvider;
import dev.cutpoint.toxiproxy.ToxiproxyProviders;
import dev.cutpoint.verbs.VerbClass;
import dev.cutpoint.wire.Message;
import dev.cutpoint.wire.ProtocolError;
import eu.rekawek.toxiproxy.Proxy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The {@code java} target: the reference client against the reference server (in memory, on a
 * loopback ephemeral port), through one proxy of the configured Toxiproxy. Server, proxy and
 * nemesis are started once and reused; each case resets the store, the journal and the toxics and
 * uses a new client (with the mutant's policy and options).
 */
public final class JavaTarget implements Target {

  public static final String NAME = "java";

  /** How long to wait for the server's connections to close after a case. */
  private static final Duration QUIET_DEADLINE = Duration.ofSeconds(3);
  private static final AtomicLong PROXIES = new AtomicLong();

  private final TargetSettings settings;
  private final ToxiproxyProvider toxiproxy;
  private final SmartServer server;
  private final Proxy proxy;
  private final InetSocketAddress proxyAddress;
  private final Nemesis nemesis;
  private final Watchdog watchdog = new Watchdog();

  private JavaTarget(
      TargetSettings settings, ToxiproxyProvider toxiproxy, SmartServer server, Proxy proxy) {
    this.settings = settings;
    this.toxiproxy = toxiproxy;
    this.server = server;
    this.proxy = proxy;
    this.proxyAddress = toxiproxy.endpoint(proxy);
    this.nemesis = new Nemesis(proxy, Optional.of(this::restartServer));
  }

  /** Starts the server, the Toxiproxy provider and the proxy. */
  public static JavaTarget start(TargetSettings settings) throws IOException {
    ToxiproxyProvider toxiproxy = ToxiproxyProviders.open(settings.toxiproxy());
    SmartServer server = null;
    try {
      ServerConfig config = ServerConfig.loopback();
      server = SmartServer.start(
          new MemoryStore(),
          settings.mutant().serverExecutesPartial() ? config.executingPartialMessages() : config);
      String name = "cutpoint-java-" + ProcessHandle.current().pid() + "-" + PROXIES.incrementAndGet();
      Proxy proxy = toxiproxy.createProxy(name, server.port());
      return new JavaTarget(settings, toxiproxy, server, proxy);
    } catch (IOException | RuntimeException e) {
      if (server != null) {
        server.close();
      }
      toxiproxy.close();
      throw e;
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean hasJournal() {
    return true;
  }

  @Override
  public boolean supports(VerbClass verbClass) {
    return true;
  }

  @Override
  public List<Delivery> betweenDeliveries() {
    return List.of(Delivery.SERVER_RESTART, Delivery.PROXY_TOGGLE);
  }

  @Override
  public String toxiproxyDescription() {
    return toxiproxy.description();
  }

  @Override
  public String toxiproxyVersion() {
    return toxiproxy.version();
  }

  @Override
  public PreparedCase prepare(CaseSpec spec) throws IOException {
    List<Request> requests = new ArrayList<>();
    for (int i = 0; i < spec.requests().size(); i++) {
      requests.add(Requests.recorded(i, spec.requests().get(i)));
    }
    ServerState initial = Workload.initialState();
    List<Long> lengths = needsResponseLengths(spec.cell().phase(), spec.cell().kind())
        ? dryRun(initial, requests)
        : requests.stream().map(r -> 0L).toList();
    Request faulted = requests.get(spec.faultIndex());
    FaultPlan plan = FaultPlanner.plan(spec, faulted.encodedLength(), lengths.get(spec.faultIndex()));
    Scenario scenario = new Scenario(
        spec.seed(), NAME, settings.mutant().clientName(NAME), initial, requests, Optional.of(plan));
    return new PreparedCase(scenario, lengths, spec.persistent());
  }

  @Override
  public PreparedCase prepare(Scenario scenario, boolean persistent) throws IOException {
    boolean needed = scenario.fault()
        .filter(f -> needsResponseLengths(f.phase(), f.kind()))
        .isPresent();
    return new PreparedCase(
        scenario,
        needed
            ? dryRun(scenario.initialState(), scenario.requests())
            : scenario.requests().stream().map(r -> 0L).toList(),
        persistent);
  }

  /**
   * Only a fault in the response (READ j must lie below m) and slices sized to the response need
   * its length; the other cells skip the dry run, which is a fifth of a case's time.
   */
  private static boolean needsResponseLengths(dev.cutpoint.fault.Phase phase, FaultKind kind) {
    return phase == dev.cutpoint.fault.Phase.READ || kind == FaultKind.SLICE;
  }

  /** Each request's response length, from a run without fault straight to the server. */
  private List<Long> dryRun(ServerState initial, List<Request> requests) throws IOException {
    reset(initial);
    CallRecorder recorder = new CallRecorder();
    List<Long> lengths = new ArrayList<>();
    ClientOptions options = ClientOptions.defaults().withTimeout(settings.callTimeout());
    try (SmartClient client = new SmartClient(new TcpConnector(server.address()), options, recorder)) {
      for (Request request : requests) {
        recorder.startCall();
        try {
          client.call(Requests.forClient(request));
        } catch (CallFailed | ProtocolError e) {
          // an error response has a length too; a lost connection leaves the length unknown (0)
        }
        List<dev.cutpoint.client.Attempt> attempts = recorder.clientAttempts();
        lengths.add(attempts.isEmpty() ? 0L : attempts.get(attempts.size() - 1).bytesRead());
      }
    }
    awaitQuiet();
    return lengths;
  }

  @Override
  public CaseRecord run(PreparedCase prepared) throws IOException {
    Scenario scenario = prepared.scenario();
    Optional<FaultPlan> fault = scenario.fault();
    reset(scenario.initialState());
    nemesis.reset();
    Duration timeout = fault.filter(f -> f.kind() == FaultKind.BLACKHOLE).isPresent()
        ? settings.blackholeTimeout()
        : settings.callTimeout();
    long bound = TargetSettings.livenessBoundMillis(timeout);
    ClientOptions options = settings.mutant().clientOptions(ClientOptions.defaults().withTimeout(timeout));
    CallRecorder recorder = new CallRecorder();
    GatedConnector gate = new GatedConnector(new TcpConnector(proxyAddress), nemesis);
    List<Call> calls = new ArrayList<>();
    Injection injection = Injection.none();
    Call probeCall;
    Request probe = Workload.probe(scenario.requests().size());
    try (SmartClient client = new SmartClient(gate, options, recorder)) {
      for (Request request : scenario.requests()) {
        boolean faulted = fault.isPresent() && fault.get().requestIndex() == request.index();
        if (faulted) {
          arm(client, recorder, prepared, fault.get(), request);
        }
        calls.add(call(client, recorder, request, bound));
        if (faulted) {
          injection = nemesis.injection(recorder.clientAttempts());
          nemesis.disarm();
          OptionalLong live = recorder.liveConnection();
          if (live.isPresent() && nemesis.hit(live.getAsLong())) {
            // the reply beat the close (FLUSH at k = n): the link is dead all the same, and a
            // one-shot fault must not reach the next call through it
            client.disconnect();
          }
        }
      }
      probeCall = call(client, recorder, probe, TargetSettings.livenessBoundMillis(settings.callTimeout()));
    } finally {
      nemesis.disarm();
    }
    awaitQuiet();
    Journal journal = server.journal().snapshot();
    ServerState state;
    try {
      state = server.state();
    } catch (VfsError e) {
      throw new IOException("the reference server could not list its state", e);
    }
    return new CaseRecord(scenario, calls, Optional.of(journal), state, injection, new Probe(probe, probeCall));
  }

  private void arm(
      SmartClient client, CallRecorder recorder, PreparedCase prepared, FaultPlan plan, Request request)
      throws IOException {
    OptionalLong live = recorder.liveConnection();
    boolean fresh = plan.phase() != dev.cutpoint.fault.Phase.BETWEEN
        && FaultCells.forPhaseAndKind(plan.phase(), plan.kind()).needsFreshConnection();
    if (fresh) {
      // reset_peer sends RST only on a link opened while it is present
      client.disconnect();
      live = OptionalLong.empty();
    }
    nemesis.arm(
        plan,
        prepared.persistent(),
        request.encodedLength(),
        prepared.responseLengths().get(request.index()),
        live);
  }

  private Call call(SmartClient client, CallRecorder recorder, Request request, long boundMillis) {
    recorder.startCall();
    dev.cutpoint.client.Request wire = Requests.forClient(request);
    Optional<Exception> error = Optional.empty();
    long start = System.nanoTime();
    Watchdog.Guard guard = watchdog.guard(boundMillis + 250, this::rescue);
    try {
      client.call(wire);
    } catch (CallFailed | RuntimeException e) {
      error = Optional.of(e);
    } finally {
      guard.close();
    }
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    List<dev.cutpoint.client.Attempt> attempts = recorder.clientAttempts();
    Optional<Message> reply = error.isPresent() || attempts.isEmpty()
        ? Optional.empty()
        : attempts.get(attempts.size() - 1).response();
    return recorder.call(request.index(), reply, error, elapsed, boundMillis);
  }

  /** The watchdog's first move on a hanging call: clear the fault, which closes its link. */
  private void rescue() {
    try {
      nemesis.disarm();
    } catch (IOException e) {
      // the interrupt that follows ends the call anyway
    }
  }

  private int restartServer() {
    int open = server.openConnections();
    int stillOpen = server.gracefulRestart(Duration.ofSeconds(2));
    return open - stillOpen;
  }

  private void reset(ServerState initial) throws IOException {
    try {
      server.reset(initial);
    } catch (VfsError e) {
      throw new IOException("the reference server could not be reset", e);
    }
  }

  /**
   * Waits until the server has no connection open: a connection the proxy is still closing may
   * yet execute what it received (the {@code server-executes-partial} mutant does so at EOF), and
   * that must land in this case's journal, not the next one's.
   */
  private void awaitQuiet() {
    long deadline = System.nanoTime() + QUIET_DEADLINE.toNanos();
    while (server.openConnections() > 0) {
      if (System.nanoTime() - deadline > 0) {
        server.gracefulRestart(Duration.ofSeconds(1));
        return;
      }
      LockSupport.parkNanos(20_000);
    }
  }

  @Override
  public void close() {
    watchdog.close();
    try {
      proxy.delete();
    } catch (IOException e) {
      // the provider's close takes the proxy with it where it owns the server
    }
    server.close();
    toxiproxy.close();
  }
}
