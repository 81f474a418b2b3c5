package dev.cutpoint.drive.brzserve;

import dev.cutpoint.drive.ServerCommand;
import dev.cutpoint.drive.breezy.BoundedLog;
import dev.cutpoint.drive.breezy.BreezyHome;
import dev.cutpoint.drive.breezy.BreezyInstallation;
import dev.cutpoint.drive.breezy.Reaper;
import dev.cutpoint.drive.breezy.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real {@code brz serve --allow-writes} on a loopback port, serving a fresh temporary directory:
 * the Breezy server of the {@code breezy-server} and {@code breezy} targets; or, the same way, a
 * user's own server started from a {@link ServerCommand} ({@code --server-command}), which is ready
 * when it accepts a connection.
 *
 * <p>The first start takes a free port below the kernel's ephemeral range ({@link StablePorts}:
 * no outgoing connection can take it while the server is down), or where that range is unknown
 * whatever port 0 gives; every later {@link #start()} binds that same port and directory again,
 * which is bug 819604's live upgrade when done between two requests ({@link #restart}). Breezy
 * sets {@code SO_REUSEADDR} (breezy/bzr/smart/server.py:110), so the old connections' TIME_WAIT
 * does not block the rebind.
 *
 * <p>Nothing outlives it: {@link #close()} kills the process tree and deletes the directory, and
 * the JVM's exit kills whatever is still running.
 */
public final class BrzServe implements AutoCloseable {

  /** Loopback only: {@code brz serve} has no authentication. */
  public static final String HOST = "127.0.0.1";

  /** What Breezy prints once its socket listens (server.py:452, on stderr). */
  private static final Pattern LISTENING = Pattern.compile("listening on port: (\\d+)");

  private static final Duration STOP_WAIT = Duration.ofSeconds(10);
  private static final Duration COMMAND_WAIT = Duration.ofSeconds(60);
  private static final int LOG_CAPACITY = 64 * 1024;
  private static final int PORT_ATTEMPTS = 3;
  private static final int ACCEPT_PROBE_MILLIS = 1000;
  private static final long ACCEPT_PAUSE_NANOS = 20_000_000;
  private static final long QUIET_LOOK_NANOS = 1_000_000;

  private final BreezyInstallation installation;
  private final Optional<ServerCommand> command;
  private final Duration startWait;
  private final BreezyHome home;
  private final Path directory;
  private final BoundedLog log = new BoundedLog(LOG_CAPACITY);
  private int port;
  private Process process;
  private Thread stderrDrain;
  /** The sockets the running server listens on, which are no connections it holds. */
  private Set<Long> listeners = Set.of();
  private Path branchTemplate;

  private BrzServe(BreezyInstallation installation, Optional<ServerCommand> command, Duration startWait) {
    this.installation = installation;
    this.command = command;
    this.startWait = startWait;
    this.home = BreezyHome.create("cutpoint-brz-serve-");
    this.directory = home.path().resolve("served");
  }

  /**
   * Starts a server on a free loopback port and waits until it accepts connections.
   *
   * @param startWait how long a start may take before it is a failure
   * @throws BrzServeFailed when it does not come up in time
   */
  public static BrzServe start(BreezyInstallation installation, Duration startWait) {
    return start(installation, Optional.empty(), startWait);
  }

  /**
   * Starts the user's server from {@code command} (Breezy still makes the branches the lock verbs
   * need) on a free loopback port, and waits until it accepts connections.
   *
   * @throws BrzServeFailed when it exits, or does not accept in time, with the end of its output
   */
  public static BrzServe start(BreezyInstallation installation, ServerCommand command, Duration startWait) {
    return start(installation, Optional.of(command), startWait);
  }

  private static BrzServe start(
      BreezyInstallation installation, Optional<ServerCommand> command, Duration startWait) {
    BrzServe serve = new BrzServe(installation, command, startWait);
    try {
      Files.createDirectories(serve.directory);
      for (int attempt = 1; ; attempt++) {
        OptionalInt stable = StablePorts.belowEphemeralRange();
        serve.port = stable.orElse(0);
        try {
          serve.start();
          return serve;
        } catch (BrzServeFailed e) {
          // the port was taken between the check and Breezy's bind: another one
          if (stable.isEmpty() || attempt == PORT_ATTEMPTS) {
            throw e;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      serve.close();
      if (e instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw (RuntimeException) e;
    }
  }

  /** {@link #start(BreezyInstallation, Duration)} allowing 20 s. */
  public static BrzServe start(BreezyInstallation installation) {
    return start(installation, Duration.ofSeconds(20));
  }

  /** The port it listens on, the same across restarts. */
  public int port() {
    return port;
  }

  /** The {@code bzr://} URL of the server. */
  public String url() {
    return "bzr://" + HOST + ":" + port + "/";
  }

  /** The directory it serves. */
  public Path directory() {
    return directory;
  }

  /** Whether the server process is up. */
  public synchronized boolean running() {
    return process != null && process.isAlive();
  }

  /** The server process's id. */
  public synchronized long pid() {
    if (process == null) {
      throw new IllegalStateException(name() + " is stopped");
    }
    return process.pid();
  }

  /**
   * How many connections the server still holds (in use, or closed by the peer and not yet by the
   * server) or has yet to accept: zero once it has finished with every client.
   */
  public int heldConnections() {
    return live().map(r -> {
      int queued = ServerSockets.queued(r.port());
      Set<Long> others = r.otherSockets();
      return queued + (command.isPresent() ? ServerSockets.held(r.port(), others) : others.size());
    }).orElse(0);
  }

  /**
   * Whether the server has finished with every client: it holds no socket besides its listener,
   * and none waits in its accept queue. The descriptors are looked at first and again after the
   * queue (a connection accepted meanwhile shows then): the queue is read from the socket tables,
   * about a millisecond a look on this kernel, so only once the descriptors say quiet. {@code brz
   * serve} opens no other socket, so each one it holds is a connection — also one that a reset took
   * out of the socket tables with a request still unread; a server command's other sockets count
   * only where the tables show them as connections on its port (a reset one is then missed).
   */
  public boolean quiet() {
    return live().map(r -> finished(r) && ServerSockets.queued(r.port()) == 0 && finished(r)).orElse(true);
  }

  /**
   * Waits until the server is {@linkplain #quiet() quiet}; false when it is not within {@code
   * safetyNet}. Nothing tells another process's closing a socket, so the descriptors are looked at
   * every millisecond: the wait ends at the look after the event, whatever the machine's speed.
   */
  public boolean awaitQuiet(Duration safetyNet) {
    long deadline = System.nanoTime() + safetyNet.toNanos();
    while (!quiet()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      LockSupport.parkNanos(QUIET_LOOK_NANOS);
    }
    return true;
  }

  private boolean finished(Running running) {
    Set<Long> others = running.otherSockets();
    return others.isEmpty() || (command.isPresent() && ServerSockets.held(running.port(), others) == 0);
  }

  /** The running server as the socket looks need it; read outside the lock, which a restart holds. */
  private record Running(List<ProcessHandle> processes, int port, Set<Long> listeners) {

    Set<Long> otherSockets() {
      Set<Long> open = ServerSockets.socketInodes(processes);
      open.removeAll(listeners);
      return open;
    }
  }

  /**
   * brz serve is one Python process; a server command may be a tree (its descendants are found by
   * reading every process of the machine, so only there).
   */
  private synchronized Optional<Running> live() {
    if (process == null) {
      return Optional.empty();
    }
    ProcessHandle handle = process.toHandle();
    List<ProcessHandle> processes = command.isEmpty() ? List.of(handle)
        : Stream.concat(Stream.of(handle), handle.descendants()).toList();
    return Optional.of(new Running(processes, port, listeners));
  }

  /** The end of what the server wrote to stderr, across restarts. */
  public String log() {
    return log.tail();
  }

  /**
   * Starts the server (again) on its port and directory and waits until it accepts connections.
   *
   * @throws IllegalStateException when it is running
   * @throws BrzServeFailed when it does not come up in time, e.g. the port was taken meanwhile
   */
  public synchronized void start() {
    if (process != null) {
      throw new IllegalStateException(name() + " is already running on port " + port);
    }
    if (command.isPresent()) {
      startCommand(command.get());
      return;
    }
    List<String> brzServe =
        installation.brzCommand(
            "serve",
            "--allow-writes",
            "--listen",
            HOST,
            "--port",
            Integer.toString(port),
            "--directory",
            directory.toString());
    ProcessBuilder builder =
        home.applyTo(new ProcessBuilder(brzServe)).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    CompletableFuture<Integer> listening = new CompletableFuture<>();
    try {
      process = Reaper.start(builder);
    } catch (IOException e) {
      throw new BrzServeFailed("cannot run " + brzServe.get(0) + ": " + e.getMessage(), "");
    }
    stderrDrain =
        log.drain(
            process.getErrorStream(),
            line -> {
              Matcher matcher = LISTENING.matcher(line);
              if (matcher.find()) {
                listening.complete(Integer.parseInt(matcher.group(1)));
              }
            },
            "brz-serve-stderr-" + process.pid());
    int bound = awaitListening(listening);
    if (port != 0 && bound != port) {
      stopNow();
      throw new BrzServeFailed("brz serve bound port " + bound + ", not " + port, log.tail());
    }
    port = bound;
    probe();
    listeners = ServerSockets.listening(port);
  }

  /**
   * The user's server: its port is the harness's choice (a free one now, when it was 0), and it is
   * ready when it accepts a connection; nothing it prints is relied on.
   */
  private void startCommand(ServerCommand user) {
    if (port == 0) {
      port = freePort();
    }
    ProcessBuilder builder = home.applyTo(new ProcessBuilder(user.argv(HOST, port, directory)))
        .redirectErrorStream(true);
    try {
      process = Reaper.start(builder);
    } catch (IOException e) {
      throw new BrzServeFailed("cannot run the server command: " + e.getMessage(), "");
    }
    stderrDrain = log.drain(process.getInputStream(), line -> {}, "server-command-output-" + process.pid());
    long deadline = System.nanoTime() + startWait.toNanos();
    while (true) {
      if (!process.isAlive()) {
        int status = process.exitValue();
        forgetProcess();
        throw new BrzServeFailed("the server command exited with " + status
            + " before it accepted a connection on port " + port, log.tail());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(HOST, port), ACCEPT_PROBE_MILLIS);
        listeners = ServerSockets.listening(port);
        return;
      } catch (IOException notYet) {
        if (System.nanoTime() - deadline > 0) {
          stopNow();
          throw new BrzServeFailed("the server command did not accept a connection on port " + port
              + " within " + startWait.toSeconds() + " s", log.tail());
        }
        // nothing announces that a foreign server listens: look again shortly
        LockSupport.parkNanos(ACCEPT_PAUSE_NANOS);
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new BrzServeFailed("no free loopback port for the server command: " + e.getMessage(), "");
    }
  }

  /** Which server this is, in words for messages and reports. */
  public String name() {
    return command.map(c -> "the server command '" + c.template() + "'").orElse("brz serve");
  }

  /**
   * Stops the server; its directory stays as it is.
   *
   * @throws BrzServeFailed when it will not die
   */
  public synchronized void stop(StopMode mode) {
    if (process == null) {
      return;
    }
    if (mode == StopMode.GRACEFUL) {
      hangUp(process.pid());
      if (!Reaper.awaitOrKill(process, STOP_WAIT)) {
        log.append("(cutpoint: no exit " + STOP_WAIT.toMillis() + " ms after SIGHUP; killed)");
      }
    }
    stopNow();
  }

  /** Stops and starts again on the same port and directory: bug 819604's live upgrade. */
  public synchronized void restart(StopMode mode) {
    stop(mode);
    start();
  }

  /**
   * Makes a real branch (with its repository) at {@code relativePath}, for {@code
   * Branch.lock_write} and {@code Branch.unlock}. The first call runs {@code brz init}; later ones
   * copy its result, which takes milliseconds instead of a tenth of a second.
   */
  public synchronized void createBranch(String relativePath) {
    Path target = resolve(relativePath);
    try {
      if (branchTemplate == null) {
        Path template = home.path().resolve("branch-template");
        run(installation.brzCommand("init", "--quiet", template.toString()));
        branchTemplate = template;
      }
      Files.createDirectories(target.getParent());
      Trees.copy(branchTemplate, target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a branch at " + target, e);
    }
  }

  /** Deletes everything in the served directory: a clean slate for the next case. */
  public void clear() {
    try {
      Trees.empty(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + directory, e);
    }
  }

  /** What the served directory holds now. */
  public ServedState snapshot() {
    return ServedState.read(directory);
  }

  /** Kills the server and deletes its directory. */
  @Override
  public synchronized void close() {
    try {
      stopNow();
    } finally {
      home.close();
    }
  }

  private int awaitListening(CompletableFuture<Integer> listening) {
    try {
      Object first =
          CompletableFuture.anyOf(listening, process.onExit())
              .get(startWait.toMillis(), TimeUnit.MILLISECONDS);
      if (first instanceof Integer bound) {
        return bound;
      }
      int status = process.exitValue();
      stopNow();
      throw new BrzServeFailed("brz serve exited with " + status + " before listening", log.tail());
    } catch (TimeoutException e) {
      stopNow();
      throw new BrzServeFailed(
          "brz serve did not listen within " + startWait.toMillis() + " ms", log.tail());
    } catch (ExecutionException e) {
      stopNow();
      throw new BrzServeFailed("brz serve failed: " + e.getCause(), log.tail());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopNow();
      throw new BrzServeFailed("interrupted while brz serve was starting", log.tail());
    }
  }

  /** Readiness is a connection accepted, not a line printed. */
  private void probe() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, port), (int) startWait.toMillis());
    } catch (IOException e) {
      stopNow();
      throw new BrzServeFailed(
          "brz serve said it listens on " + port + " but refuses connections: " + e.getMessage(),
          log.tail());
    }
  }

  private void stopNow() {
    if (process == null) {
      return;
    }
    if (!Reaper.kill(process, STOP_WAIT)) {
      throw new BrzServeFailed(name() + " (pid " + process.pid() + ") survived SIGKILL", log.tail());
    }
    forgetProcess();
  }

  private void forgetProcess() {
    try {
      // the drain ends at the pipe's end, which the process's death brings
      stderrDrain.join(STOP_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
    stderrDrain = null;
    listeners = Set.of();
  }

  private void hangUp(long pid) {
    try {
      Process kill =
          Reaper.start(
              new ProcessBuilder("kill", "-HUP", Long.toString(pid))
                  .redirectErrorStream(true)
                  .redirectOutput(ProcessBuilder.Redirect.DISCARD));
      Reaper.awaitOrKill(kill, STOP_WAIT);
    } catch (IOException e) {
      throw new BrzServeFailed("cannot send SIGHUP to " + pid + ": " + e.getMessage(), log.tail());
    }
  }

  /** Runs a {@code brz} command to completion; its output goes to a file, so nothing blocks. */
  private void run(List<String> command) throws IOException {
    Path output = Files.createTempFile(home.path(), "brz-command-", ".log");
    try {
      Process child =
          Reaper.start(
              home.applyTo(new ProcessBuilder(command))
                  .redirectErrorStream(true)
                  .redirectOutput(output.toFile()));
      boolean ended = Reaper.awaitOrKill(child, COMMAND_WAIT);
      if (!ended || child.exitValue() != 0) {
        throw new BrzCommandFailed(
            command, ended ? child.exitValue() : -1, Files.readString(output));
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private Path resolve(String relativePath) {
    Path relative = Path.of(relativePath).normalize();
    if (relative.isAbsolute()
        || relative.toString().isEmpty()
        || relative.startsWith("..")
        || List.of(relativePath.split("/")).contains("..")) {
      throw new IllegalArgumentException(
          "a path inside the served directory is needed, got " + relativePath);
    }
    return directory.resolve(relative);
  }
}
