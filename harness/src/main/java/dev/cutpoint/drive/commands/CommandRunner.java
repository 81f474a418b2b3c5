package dev.cutpoint.drive.commands;

import dev.cutpoint.drive.breezy.BreezyInstallation;
import dev.cutpoint.drive.breezy.Reaper;
import dev.cutpoint.drive.breezy.Trees;
import dev.cutpoint.drive.brzserve.ServedBrz;
import dev.cutpoint.drive.brzserve.StopMode;
import dev.cutpoint.fault.AttemptTrace;
import dev.cutpoint.fault.FaultCells;
import dev.cutpoint.fault.Nemesis;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.FaultPlan;
import dev.cutpoint.history.Injection;
import dev.cutpoint.history.Phase;
import dev.cutpoint.toxiproxy.ToxiproxyProvider;
import dev.cutpoint.toxiproxy.ToxiproxyProviders;
import eu.rekawek.toxiproxy.Proxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs brz commands against one {@code brz serve --allow-writes} through one proxy: the fault-free
 * recording of a command, and a case per cut point. The gate plugin stops the command before each
 * call and connection; before the cut call the {@link Nemesis} arms the cut (dropping the idle
 * connection first where {@code reset_peer} needs a fresh one), clears it before any new connection
 * (one-shot, SPEC §5.3), and removes it when the call has ended. A black-holed command hangs (Breezy
 * has no timeout); once the proxy has swallowed its bytes, the harness presses Ctrl-C for the user.
 */
public final class CommandRunner implements AutoCloseable {

  private static final AtomicInteger PROXIES = new AtomicInteger();

  private final BrzProcesses brz;
  private final ServedBrz server;
  private final ToxiproxyProvider toxiproxy;
  private final Proxy proxy;
  private final Nemesis nemesis;
  private final CommandGate gate;
  private final CommandWorkspace workspace;
  private final String branchUrl;
  private final AtomicInteger cases = new AtomicInteger();

  private CommandRunner(BrzProcesses brz, ServedBrz server, ToxiproxyProvider toxiproxy, Proxy proxy,
      CommandGate gate, CommandWorkspace workspace) throws IOException {
    this.brz = brz;
    this.server = server;
    this.toxiproxy = toxiproxy;
    this.proxy = proxy;
    this.gate = gate;
    this.workspace = workspace;
    // Shopify's toxics only: a command's cut lands at a call boundary that the gate holds, where
    // RESET and BLACKHOLE start at the call's first byte as with any Toxiproxy
    this.nemesis = new Nemesis(proxy, Optional.of(server::restart), toxiproxy.blackHoles(), Optional.empty());
    this.branchUrl = "bzr://127.0.0.1:" + toxiproxy.endpoint(proxy).getPort() + "/b";
  }

  /**
   * Starts brz serve, the proxy (of the {@code --toxiproxy} choice), the gate, and makes the
   * history; whatever started is closed again when a later part fails.
   */
  public static CommandRunner start(BreezyInstallation installation, Optional<String> toxiproxyChoice,
      long seed) throws IOException {
    BrzProcesses brz = new BrzProcesses(installation);
    ServedBrz server = null;
    ToxiproxyProvider toxiproxy = null;
    CommandGate gate = null;
    try {
      CommandWorkspace workspace = CommandWorkspace.create(brz, seed);
      server = ServedBrz.start(installation, StopMode.KILL);
      toxiproxy = ToxiproxyProviders.open(toxiproxyChoice);
      Proxy proxy = toxiproxy.createProxy("cutpoint-commands-" + ProcessHandle.current().pid() + "-"
          + PROXIES.incrementAndGet(), server.address().getPort());
      gate = new CommandGate();
      return new CommandRunner(brz, server, toxiproxy, proxy, gate, workspace);
    } catch (IOException | RuntimeException e) {
      if (gate != null) {
        gate.close();
      }
      if (toxiproxy != null) {
        toxiproxy.close();
      }
      if (server != null) {
        server.close();
      }
      brz.close();
      throw e;
    }
  }

  /** Whether a black hole can be cut here: the proxy must show what it swallows. */
  public boolean seesBlackHoles() {
    return nemesis.seesBlackHoles();
  }

  /** The Toxiproxy, in one line. */
  public String toxiproxyDescription() {
    return toxiproxy.description();
  }

  /** The command's fault-free run through the gate: its calls, as the cut points' frame. */
  public CommandRecording record(BrzCommand command) throws IOException {
    Path caseDirectory = freshCase(command);
    nemesis.reset();
    BrzProcesses.Started started = brz.start(command.arguments(branchUrl), caseDirectory, gate.address());
    List<GateCall> calls;
    BrzRun run;
    try {
      calls = gate.serve(started.process(), new OpenGate());
      run = started.await(false);
    } catch (IOException | RuntimeException e) {
      Reaper.kill(started.process(), BrzProcesses.SAFETY_NET);
      throw e;
    }
    server.awaitQuiet();
    if (!run.succeeded()) {
      throw new CommandHarnessError("brz " + String.join(" ", command.arguments(branchUrl))
          + " fails without a fault: " + run.stderrTail());
    }
    return new CommandRecording(command, calls, run.stdout(), run.millis());
  }

  /** One case: the command cut at {@code cut}, then the user's oracle. */
  public CommandCaseResult run(CutPoint cut, CommandRecording recording) throws IOException {
    long began = System.nanoTime();
    BrzCommand command = cut.command();
    Path caseDirectory = freshCase(command);
    Path servedBranch = server.serve().directory().resolve("b");
    Path local = caseDirectory.resolve("local");
    Optional<String> remoteBefore = CommandWorkspace.tip(servedBranch);
    Optional<String> localBefore = CommandWorkspace.tip(local);
    nemesis.reset();
    GateCall recorded = recording.calls().get(cut.call());
    BrzProcesses.Started started = brz.start(command.arguments(branchUrl), caseDirectory, gate.address());
    CutGate cutGate = new CutGate(cut.plan(), recorded, started);
    BrzRun run;
    try {
      gate.serve(started.process(), cutGate);
      run = started.await(cutGate.interrupted.get());
    } catch (IOException | RuntimeException e) {
      Reaper.kill(started.process(), BrzProcesses.SAFETY_NET);
      // the killed command's connection must be gone from brz serve before the next case begins
      try {
        server.awaitQuiet();
      } catch (IOException stillHeld) {
        e.addSuppressed(stillHeld);
      }
      throw e;
    } finally {
      cutGate.stopWatching();
      nemesis.reset();
    }
    server.awaitQuiet();
    Optional<String> remoteAfter = CommandWorkspace.tip(servedBranch);
    Optional<String> localAfter = CommandWorkspace.tip(local);
    List<String> locks = CommandWorkspace.heldLocks(servedBranch);
    // the two checks are separate processes on separate trees: run side by side
    List<String> remoteCheck = command.writesRemote() && Files.isDirectory(servedBranch)
        ? List.of("check", servedBranch.toString())
        : List.of();
    // push leaves the local branch as it was; branch, pull and commit change it
    List<String> localCheck = run.succeeded() && command.local() != BrzCommand.Local.AHEAD
        && !command.readOnly()
        ? List.of("check", local.toString())
        : List.of();
    List<Optional<BrzRun>> checked = checkSideBySide(List.of(remoteCheck, localCheck), caseDirectory);
    Optional<BrzRun> remoteChecked = checked.get(0);
    Optional<BrzRun> localChecked = checked.get(1);
    Optional<BrzRun> rerun = run.succeeded()
        ? Optional.empty()
        : Optional.of(brz.run(command.arguments(branchUrl), caseDirectory));
    server.awaitQuiet();
    Optional<String> expectedOutput = switch (command) {
      case LOG -> Optional.of(recording.stdout());
      case CAT -> Optional.of(workspace.firstFile());
      default -> Optional.empty();
    };
    CommandObservation seen = new CommandObservation(command, run, expectedOutput, remoteBefore,
        remoteAfter, localBefore, localAfter, remoteChecked, localChecked, locks, rerun,
        CommandWorkspace.tip(servedBranch), CommandWorkspace.tip(local),
        rerun.flatMap(r -> expectedOutput.map(r.stdout()::equals)).orElse(true));
    CommandVerdict verdict = CommandOracle.judge(seen);
    return new CommandCaseResult(cut, Optional.empty(), cutGate.injection(), cutGate.faulted(),
        run.exitCode(), run.stderrTail(), verdict, Map.of(), (System.nanoTime() - began) / 1_000_000);
  }

  /**
   * Runs each non-empty argument list as one brz process, all at once, and waits for each; when one
   * cannot start or hits its safety net, the others are killed rather than left running.
   */
  private List<Optional<BrzRun>> checkSideBySide(List<List<String>> checks, Path directory) throws IOException {
    List<Optional<BrzProcesses.Started>> started = new ArrayList<>();
    try {
      for (List<String> arguments : checks) {
        started.add(arguments.isEmpty() ? Optional.empty() : Optional.of(brz.start(arguments, directory, null)));
      }
      List<Optional<BrzRun>> runs = new ArrayList<>();
      for (Optional<BrzProcesses.Started> check : started) {
        runs.add(check.isEmpty() ? Optional.empty() : Optional.of(check.get().await(false)));
      }
      return runs;
    } finally {
      started.stream().flatMap(Optional::stream).map(BrzProcesses.Started::process).filter(Process::isAlive)
          .forEach(p -> Reaper.kill(p, BrzProcesses.SAFETY_NET));
    }
  }

  private Path freshCase(BrzCommand command) throws IOException {
    Path caseDirectory = brz.home().resolve("cases").resolve(Integer.toString(cases.incrementAndGet()));
    Path previous = brz.home().resolve("cases").resolve(Integer.toString(cases.get() - 1));
    if (Files.exists(previous)) {
      Trees.delete(previous);
    }
    Files.createDirectories(caseDirectory);
    workspace.prepare(command, server.serve().directory(), caseDirectory, branchUrl, cases.get());
    return caseDirectory;
  }

  @Override
  public void close() throws IOException {
    try {
      gate.close();
      try {
        proxy.delete();
      } catch (IOException e) {
        // the provider's close takes the proxy with it where it owns the server
      }
    } finally {
      try {
        toxiproxy.close();
      } finally {
        try {
          server.close();
        } finally {
          brz.close();
        }
      }
    }
  }

  /** Lets every call and connection through: the fault-free recording and the reruns. */
  private static final class OpenGate implements GateListener {
    @Override
    public boolean beforeCall(int call, String verb, OptionalLong live) {
      return false;
    }

    @Override
    public void beforeConnect(long connection) {}

    @Override
    public void callEnded(GateCall done) {}
  }

  /** Arms the cut before its call, clears it at the next connect or when the call has ended. */
  private final class CutGate implements GateListener {
    private final FaultPlan plan;
    private final GateCall recorded;
    private final BrzProcesses.Started started;
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final AtomicReference<String> stage = new AtomicReference<>("the cut call not reached");
    private final AtomicReference<Injection> injection =
        new AtomicReference<>(new Injection(false, "the command never reached the cut call"));
    private final AtomicReference<GateCall> faulted = new AtomicReference<>();
    /** The length of the cut call's first attempt, once the plugin says it has written it all. */
    private final CompletableFuture<Long> written = new CompletableFuture<>();
    private Thread watcher;

    CutGate(FaultPlan plan, GateCall recorded, BrzProcesses.Started started) {
      this.plan = plan;
      this.recorded = recorded;
      this.started = started;
    }

    @Override
    public boolean beforeCall(int call, String verb, OptionalLong live) throws IOException {
      if (call != plan.requestIndex()) {
        return false;
      }
      boolean fresh = plan.phase() != Phase.BETWEEN
          && FaultCells.forPhaseAndKind(plan.phase(), plan.kind(), nemesis.toxics()).needsFreshConnection();
      nemesis.arm(plan, recorded.written(), recorded.read(), fresh ? OptionalLong.empty() : live);
      stage.set("armed " + plan + " for call " + call + " " + verb);
      injection.set(new Injection(false, "armed; the command ended before the call did"));
      if (plan.kind() == FaultKind.BLACKHOLE) {
        watcher = new Thread(this::endWhenSwallowed, "cutpoint-command-blackhole");
        watcher.setDaemon(true);
        watcher.start();
      }
      return fresh;
    }

    /**
     * The bytes that fell in can never come out: the user gives up and presses Ctrl-C. A hole in
     * the request has all it will swallow once the command has written its whole request, whose
     * length is this run's own, not the recording's.
     */
    private void endWhenSwallowed() {
      try {
        if (plan.phase() != Phase.READ) {
          nemesis.requestWritten(written.get(BrzProcesses.SAFETY_NET.toMillis(), TimeUnit.MILLISECONDS));
        }
        if (nemesis.awaitStalled(BrzProcesses.SAFETY_NET)) {
          interrupted.set(true);
          started.interrupt();
          stage.set(stage.get() + "; the black hole swallowed bytes, SIGINT sent");
        } else {
          noEvidence();
        }
      } catch (TimeoutException e) {
        noEvidence();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException | RuntimeException | ExecutionException e) {
        // a daemon thread has no one to throw to: the case says it through its stage, and the
        // command runs into its safety net, a harness error
        stage.set(stage.get() + "; cannot watch the black hole or send SIGINT: "
            + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }

    private void noEvidence() {
      stage.set(stage.get() + "; no evidence of swallowed bytes within "
          + BrzProcesses.SAFETY_NET.toSeconds() + " s");
    }

    @Override
    public void requestWritten(int call, int attempt, long bytes) {
      if (call == plan.requestIndex() && attempt == 1) {
        written.complete(bytes);
      }
    }

    @Override
    public void beforeConnect(long connection) throws IOException {
      nemesis.beforeConnect();
      nemesis.connected(connection);
    }

    @Override
    public void callEnded(GateCall done) throws IOException {
      if (done.index() != plan.requestIndex()) {
        return;
      }
      faulted.set(done);
      stage.set(stage.get() + "; the cut call ended");
      List<AttemptTrace> traces = done.attempts().stream().map(GateAttempt::trace).toList();
      injection.set(nemesis.injection(traces));
      nemesis.disarm();
    }

    Injection injection() {
      return injection.get();
    }

    @Override
    public String state() {
      return stage.get();
    }

    Optional<GateCall> faulted() {
      return Optional.ofNullable(faulted.get());
    }

    void stopWatching() {
      if (watcher != null) {
        watcher.interrupt();
        try {
          watcher.join(BrzProcesses.SAFETY_NET.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
