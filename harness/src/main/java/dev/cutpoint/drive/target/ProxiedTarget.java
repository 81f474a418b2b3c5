package dev.cutpoint.drive.target;

import dev.cutpoint.drive.CaseSpec;
import dev.cutpoint.drive.FaultPlanner;
import dev.cutpoint.drive.MatrixCell;
import dev.cutpoint.drive.PreparedCase;
import dev.cutpoint.drive.RequestDraft;
import dev.cutpoint.drive.Target;
import dev.cutpoint.drive.TargetSettings;
import dev.cutpoint.drive.Timekeeper;
import dev.cutpoint.drive.Watchdog;
import dev.cutpoint.drive.Workload;
import dev.cutpoint.fault.Applicability;
import dev.cutpoint.fault.AttemptTrace;
import dev.cutpoint.fault.FaultCells;
import dev.cutpoint.fault.Nemesis;
import dev.cutpoint.fault.ProxyToxics;
import dev.cutpoint.history.Call;
import dev.cutpoint.history.CaseRecord;
import dev.cutpoint.history.Delivery;
import dev.cutpoint.history.Digest;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.FaultPlan;
import dev.cutpoint.history.Injection;
import dev.cutpoint.history.Phase;
import dev.cutpoint.history.Probe;
import dev.cutpoint.history.Request;
import dev.cutpoint.history.Scenario;
import dev.cutpoint.history.ServerState;
import dev.cutpoint.toxiproxy.ToxiproxyProvider;
import dev.cutpoint.toxiproxy.ToxiproxyProviders;
import dev.cutpoint.verbs.VerbClass;
import eu.rekawek.toxiproxy.Proxy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A target made of a client, one proxy of the configured Toxiproxy, and a server — the shape of
 * the {@code java} target, with Breezy on one side or both: {@code breezy-server} (the reference
 * client against {@code brz serve}), {@code breezy-client} (Breezy's client against the reference
 * server) and {@code breezy} (both real). Client, proxy, server and nemesis are started once and
 * reused; each case resets the server, the toxics and the client.
 *
 * <p>A case: the dry run where the fault needs the response's length (straight to the server, from
 * the initial state); the faulted run through the proxy, the nemesis armed after response i−1 and
 * before request i, disarmed after the call; the probe (I6); the server left to finish (no
 * connection held); then the journal, if the server keeps one, and the final state.
 */
public final class ProxiedTarget implements Target {

  /** Starts a target's server. */
  @FunctionalInterface
  public interface ServerStarter {
    CaseServer start() throws IOException;
  }

  /** Starts a target's client, gated by the nemesis. */
  @FunctionalInterface
  public interface ClientStarter {
    CaseClient start(Nemesis nemesis) throws IOException;
  }

  private static final AtomicLong PROXIES = new AtomicLong();
  /**
   * The socket timeout of a client without a clock of ours (Breezy's driver): a safety net only,
   * shorter than the driver's own deadline, so that the driver reports it.
   */
  private static final Duration FOREIGN_SAFETY_NET = Duration.ofSeconds(30);
  /**
   * The probe after the sequence (I6): {@link Workload#probe}'s request, recorded in this client's
   * bytes, so that a journal finds it.
   */
  private static final RequestDraft PROBE =
      RequestDraft.plain("has", VerbClass.READ, Workload.PROBE_PATH);

  private final String name;
  private final TargetSettings settings;
  private final ToxiproxyProvider toxiproxy;
  private final CaseServer server;
  private final Proxy proxy;
  private final InetSocketAddress proxyAddress;
  private final Nemesis nemesis;
  private final CaseClient client;
  private final Timekeeper timekeeper = new Timekeeper();

  private ProxiedTarget(
      String name,
      TargetSettings settings,
      ToxiproxyProvider toxiproxy,
      CaseServer server,
      Proxy proxy,
      ClientStarter clients)
      throws IOException {
    this.name = name;
    this.settings = settings;
    this.toxiproxy = toxiproxy;
    this.server = server;
    this.proxy = proxy;
    this.proxyAddress = toxiproxy.endpoint(proxy);
    this.nemesis = new Nemesis(
        proxy, Optional.of(server::restart), toxiproxy.blackHoles(), toxiproxy.extensions());
    this.client = clients.start(nemesis);
  }

  /**
   * Starts the server, the Toxiproxy provider, the proxy and the client; whatever started is
   * closed again when a later part fails.
   */
  public static ProxiedTarget start(
      String name,
      TargetSettings settings,
      ServerStarter servers,
      ClientStarter clients)
      throws IOException {
    CaseServer server = servers.start();
    ToxiproxyProvider toxiproxy = null;
    Proxy proxy = null;
    try {
      toxiproxy = ToxiproxyProviders.open(settings.toxiproxy());
      String proxyName =
          "cutpoint-" + name + "-" + ProcessHandle.current().pid() + "-" + PROXIES.incrementAndGet();
      proxy = toxiproxy.createProxy(proxyName, server.address().getPort());
      return new ProxiedTarget(name, settings, toxiproxy, server, proxy, clients);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(proxy);
      if (toxiproxy != null) {
        toxiproxy.close();
      }
      server.close();
      throw e;
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean hasJournal() {
    return server.hasJournal();
  }

  @Override
  public boolean supports(VerbClass verbClass) {
    return verbClass != VerbClass.STREAM || server.hasInsertStream();
  }

  @Override
  public List<Delivery> betweenDeliveries() {
    return List.of(Delivery.SERVER_RESTART, Delivery.PROXY_TOGGLE);
  }

  @Override
  public String toxiproxyDescription() {
    return toxiproxy.description();
  }

  /** The Toxiproxy server's version, as its API reports it. */
  @Override
  public String toxiproxyVersion() {
    return toxiproxy.version();
  }

  @Override
  public ProxyToxics proxyToxics() {
    return nemesis.toxics();
  }

  /** The server, in one line. */
  public String serverDescription() {
    return server.description();
  }

  @Override
  public PreparedCase prepare(CaseSpec spec) throws IOException {
    List<Request> requests = recorded(spec.requests());
    ServerState initial = Workload.initialState();
    List<Long> lengths = needsResponseLengths(spec.cell().phase(), spec.cell().kind())
        ? dryRun(initial, requests)
        : zeros(requests);
    Request faulted = requests.get(spec.faultIndex());
    FaultPlan plan = FaultPlanner.plan(
        spec, faulted.encodedLength(), lengths.get(spec.faultIndex()), nemesis.toxics());
    Scenario scenario =
        new Scenario(spec.seed(), name, client.name(), initial, requests, Optional.of(plan));
    return new PreparedCase(scenario, lengths);
  }

  @Override
  public Scenario scenario(long seed, ServerState initial, List<RequestDraft> drafts, Optional<FaultPlan> fault) {
    return new Scenario(seed, name, client.name(), initial, recorded(drafts), fault);
  }

  @Override
  public List<Long> responseLengths(ServerState initial, List<Request> requests) throws IOException {
    return dryRun(initial, requests);
  }

  private List<Request> recorded(List<RequestDraft> drafts) {
    List<Request> requests = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      requests.add(client.recorded(i, drafts.get(i)));
    }
    return requests;
  }

  @Override
  public PreparedCase prepare(Scenario recorded) throws IOException {
    Scenario scenario = withCurrentHashes(recorded);
    boolean needed =
        scenario.fault().filter(f -> needsResponseLengths(f.phase(), f.kind())).isPresent();
    return new PreparedCase(
        scenario,
        needed ? dryRun(scenario.initialState(), scenario.requests()) : zeros(scenario.requests()));
  }

  /**
   * The scenario of an older case file, whose requests carry SHA-256s, with the hashes the
   * server's journal records now; any other as it is.
   */
  private Scenario withCurrentHashes(Scenario scenario) {
    if (scenario.requests().stream().allMatch(r -> Digest.isCurrent(r.hash()))) {
      return scenario;
    }
    List<Request> requests = new ArrayList<>();
    for (Request recorded : scenario.requests()) {
      Request now = client.rehashed(recorded);
      if (now.encodedLength() != recorded.encodedLength()) {
        // the fault's offsets count in the recorded bytes: cut elsewhere, the case is another one
        throw new IllegalArgumentException("request " + recorded.index() + " (" + recorded.verb() + ") was "
            + recorded.encodedLength() + " bytes when the case was recorded by " + scenario.client() + "; "
            + client.name() + " sends " + now.encodedLength() + ": replay it with the client that recorded it");
      }
      requests.add(now);
    }
    return new Scenario(scenario.seed(), scenario.target(), scenario.client(), scenario.initialState(),
        requests, scenario.fault());
  }

  /** A cut in the response (READ j < m) and slices sized to it need its length; nothing else. */
  private static boolean needsResponseLengths(Phase phase, FaultKind kind) {
    return phase == Phase.READ || kind == FaultKind.SLICE;
  }

  private static List<Long> zeros(List<Request> requests) {
    return requests.stream().map(r -> 0L).toList();
  }

  private List<Long> dryRun(ServerState initial, List<Request> requests) throws IOException {
    Optional<List<Long>> inProcess = server.responseLengths(initial, requests);
    if (inProcess.isPresent()) {
      return inProcess.get();
    }
    server.reset(initial, branches(requests));
    try {
      return client.responseLengths(server.address(), requests, settings.callTimeout());
    } finally {
      server.awaitQuiet();
    }
  }


  /**
   * Black holes need evidence that the attempt can never progress (SPEC §5.4): the embedded
   * proxy's count of what they swallow, else, for the response, the server's journal (the request
   * ran, so its link carries the toxic, and its answer is lost).
   */
  @Override
  public Applicability applicability(MatrixCell cell) {
    Applicability cut = Target.super.applicability(cell);
    if (!cut.applicable() || cell.kind() != FaultKind.BLACKHOLE || nemesis.seesBlackHoles()) {
      return cut;
    }
    if (cell.phase() == Phase.READ && !server.hasJournal()) {
      return Applicability.notApplicable("only the embedded proxy sees a black hole swallow the"
          + " answer, and without it nothing tells when brz serve has run the request: the harness"
          + " could not know when the attempt can no longer progress");
    }
    if (cell.phase() != Phase.READ) {
      // a proxy dials the server before it starts the link with its toxics: a client that has
      // sent its request and waits, and a server that has accepted, may still come before the
      // toxic is on the link, and ending the attempt then would let the request through
      return Applicability.notApplicable("only the embedded proxy sees a black hole swallow the"
          + " request; with another Toxiproxy nothing tells that the link carrying it has the"
          + " toxic, so the harness could not know when the attempt can no longer progress");
    }
    return cut;
  }

  @Override
  public CaseRecord run(PreparedCase prepared) throws IOException {
    Scenario scenario = prepared.scenario();
    Optional<FaultPlan> fault = scenario.fault();
    Set<String> branches = branches(scenario.requests());
    server.reset(scenario.initialState(), branches);
    nemesis.reset();
    // a client on the harness's clock has a bound there; one without a clock of ours (Breezy's) is
    // bounded by the safety net alone, as real time is no evidence against it
    long bound = client.waitsOnHarnessClock()
        ? TargetSettings.livenessBoundMillis(settings.callTimeout())
        : Watchdog.SAFETY_NET.toMillis();
    List<Call> calls = new ArrayList<>();
    Injection injection = Injection.none();
    Request probe = client.recorded(scenario.requests().size(), PROBE);
    Call probeCall;
    // Breezy's client has no timeout of its own: the driver's socket timeout is only a safety net
    client.open(proxyAddress, client.waitsOnHarnessClock() ? settings.callTimeout() : FOREIGN_SAFETY_NET);
    try {
      for (Request request : scenario.requests()) {
        boolean faulted = fault.isPresent() && fault.get().requestIndex() == request.index();
        if (!faulted) {
          calls.add(client.call(request, bound));
          continue;
        }
        if (fault.get().kind() == FaultKind.BLACKHOLE) {
          int executedBefore = server.journal().map(j -> j.entries().size()).orElse(0);
          arm(prepared, fault.get(), request);
          calls.add(timekeeper.during(() -> client.call(request, bound),
              () -> endWhenStalled(fault.get(), executedBefore)));
        } else {
          arm(prepared, fault.get(), request);
          calls.add(client.call(request, bound));
        }
        injection = injection(fault.get(), request, client.lastAttempts());
        nemesis.disarm();
        OptionalLong live = client.liveConnection();
        if (live.isPresent() && nemesis.hit(live.getAsLong())) {
          // the reply beat the close (FLUSH at k = n): the link is dead all the same, and a
          // one-shot fault must not reach the next call through it
          client.disconnect();
        }
      }
      probeCall = client.call(probe, bound);
    } finally {
      try {
        nemesis.disarm();
      } finally {
        client.endCase();
      }
    }
    server.awaitQuiet();
    return new CaseRecord(
        scenario, calls, server.journal(), server.state(branches), injection,
        new Probe(probe, probeCall));
  }

  /**
   * Runs beside the black-holed call: waits for the evidence that its attempt can never progress,
   * then has the client end it as its own timeout would. Nothing is guessed: without the evidence
   * the call's safety net gives the case up.
   */
  private void endWhenStalled(FaultPlan plan, int executedBefore)
      throws IOException, InterruptedException {
    boolean stalled;
    if (nemesis.seesBlackHoles()) {
      stalled = nemesis.awaitStalled(Watchdog.SAFETY_NET);
    } else if (plan.phase() == Phase.READ) {
      stalled = server.awaitExecuted(executedBefore + 1, Watchdog.SAFETY_NET);
    } else {
      // not applicable (see applicability): nothing else tells that the link carries the toxic
      stalled = false;
    }
    if (stalled) {
      client.endStalledAttempt(Watchdog.SAFETY_NET);
    }
  }

  /**
   * What the nemesis says of its fault, except where a server that answers incomplete messages did
   * so: a CLOSE or RESET after k of n request bytes whose first attempt wrote more than k bytes and
   * still got its answer was cut all the same (the proxy let k through), and the answer came from
   * the k before the close or the RST reached the client (seen with brz serve under load).
   */
  private Injection injection(FaultPlan plan, Request request, List<AttemptTrace> attempts) {
    Injection said = nemesis.injection(attempts);
    if (said.fired()
        || !server.answersIncompleteMessages()
        || !(plan.kind() == FaultKind.CLOSE || plan.kind() == FaultKind.RESET)
        || !(plan.phase() == Phase.WRITE || plan.phase() == Phase.FLUSH)
        || plan.offset() >= request.encodedLength()
        || attempts.isEmpty()) {
      return said;
    }
    AttemptTrace first = attempts.get(0);
    if (first.failedAt().isPresent() || first.bytesWritten() <= plan.offset()) {
      return said;
    }
    String cut = plan.kind() == FaultKind.CLOSE ? "close" : "RST";
    return new Injection(true, said.evidence() + "; the client wrote " + first.bytesWritten()
        + " B through a proxy that lets " + plan.offset() + " through: the server answered the first "
        + plan.offset() + " of " + request.encodedLength() + " bytes, before the " + cut
        + " reached the client");
  }

  private void arm(PreparedCase prepared, FaultPlan plan, Request request) throws IOException {
    OptionalLong live = client.liveConnection();
    boolean fresh = plan.phase() != Phase.BETWEEN
        && FaultCells.forPhaseAndKind(plan.phase(), plan.kind(), nemesis.toxics())
            .needsFreshConnection();
    if (fresh) {
      // reset_peer sends RST only on a link opened while it is present
      client.disconnect();
      live = OptionalLong.empty();
    }
    nemesis.arm(
        plan,
        request.encodedLength(),
        prepared.responseLengths().get(request.index()),
        live);
  }

  /** The branch paths the lock verbs name: brz serve needs a real branch at each. */
  static Set<String> branches(List<Request> requests) {
    Set<String> branches = new TreeSet<>();
    for (Request request : requests) {
      if (request.verb().startsWith("Branch.")) {
        branches.add(request.arg(0));
      }
    }
    return branches;
  }

  @Override
  public void close() {
    try {
      timekeeper.close();
      client.close();
    } finally {
      deleteQuietly(proxy);
      server.close();
      toxiproxy.close();
    }
  }

  private static void deleteQuietly(Proxy proxy) {
    if (proxy == null) {
      return;
    }
    try {
      proxy.delete();
    } catch (IOException e) {
      // the provider's close takes the proxy with it where it owns the server
    }
  }
}
