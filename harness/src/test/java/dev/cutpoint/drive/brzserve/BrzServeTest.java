package dev.cutpoint.drive.brzserve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutpoint.drive.breezy.BreezyCopy;
import dev.cutpoint.drive.breezy.BreezyInstallation;
import dev.cutpoint.drive.breezy.InstalledBreezy;
import dev.cutpoint.drive.breezy.Reaper;
import dev.cutpoint.drive.breezy.ScriptedServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BrzServeTest {

  /** wire-v3.json, "hello request": what Breezy 3.3.2 sends. */
  private static final byte[] HELLO =
      HexFormat.of()
          .parseHex(
              "627a72206d65737361676520332028627a7220312e36290a0000000264657300000009"
                  + "6c353a68656c6c6f6565");

  /** wire-v3.json, "mkdir request": {@code mkdir newdir}. */
  private static final String MKDIR_NEWDIR =
      "627a72206d65737361676520332028627a7220312e36290a00000002646573000000136c353a6d6b646972"
          + "363a6e6577646972303a6565";

  private static BreezyInstallation breezy;
  private BrzServe serve;

  @BeforeAll
  static void requireBreezy() {
    breezy = InstalledBreezy.require();
  }

  @BeforeEach
  void startServer() {
    serve = BrzServe.start(breezy);
  }

  @AfterEach
  void stopServer() {
    serve.close();
  }

  /** Below the ephemeral range, so that no outgoing connection takes the port during a restart. */
  @Test
  void servesTheSmartProtocolOnALoopbackPortBelowTheEphemeralRange() throws IOException {
    int ephemeral = Integer.parseInt(
        Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim().split("\\s+")[0]);
    assertThat(serve.port()).isPositive().isLessThan(ephemeral);
    assertThat(serve.url()).isEqualTo("bzr://127.0.0.1:" + serve.port() + "/");
    assertThat(serve.running()).isTrue();
    assertThat(hello(serve.port())).endsWith("l2:ok1:2ee");
  }

  /**
   * Finding (SPEC §3.3, I1): brz serve runs a request without a body as soon as its arguments
   * arrive, before the terminal {@code e} (breezy/bzr/smart/message.py:140-146 calls {@code
   * args_received}, which runs the verb, request.py:382-401), and answers at once. A cut at FLUSH
   * k = n−1 (all but the {@code e}) of {@code mkdir} leaves the directory made.
   */
  @Test
  void aBodilessRequestRunsBeforeItsTerminalByteArrives() throws IOException {
    byte[] mkdir = HexFormat.of().parseHex(MKDIR_NEWDIR);
    try (Socket socket = new Socket(BrzServe.HOST, serve.port())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(mkdir, 0, mkdir.length - 1);

      byte[] response = readResponse(socket.getInputStream());

      assertThat(new String(response, StandardCharsets.ISO_8859_1)).endsWith("l2:okee");
      assertThat(serve.snapshot().directories()).contains("newdir");
    }
  }

  @ParameterizedTest
  @EnumSource(StopMode.class)
  void restartsOnTheSamePortAndDirectory(StopMode mode) throws IOException {
    Files.writeString(serve.directory().resolve("kept.txt"), "before");
    int port = serve.port();
    ProcessHandle before = ProcessHandle.of(serve.pid()).orElseThrow();

    serve.restart(mode);

    assertThat(serve.port()).isEqualTo(port);
    assertThat(serve.pid()).isNotEqualTo(before.pid());
    assertThat(before.isAlive()).isFalse();
    assertThat(hello(port)).endsWith("l2:ok1:2ee");
    assertThat(serve.snapshot().file("kept.txt")).map(String::new).contains("before");
  }

  /** A connection brz serve holds, or has yet to accept, keeps it from being quiet. */
  @Test
  void isQuietOnlyWhenEveryConnectionIsAcceptedAndClosed() throws Exception {
    awaitQuiet(); // the start's readiness probe
    try (Socket open = new Socket(BrzServe.HOST, serve.port())) {
      open.setSoTimeout(30_000);
      open.getOutputStream().write(HELLO);
      readResponse(open.getInputStream());

      assertThat(serve.quiet()).isFalse();
      assertThat(serve.heldConnections()).isOne();
    }
    awaitQuiet();

    // stopped, brz serve accepts nothing: the kernel queues the connection, which no descriptor shows
    signal("STOP");
    try (Socket queued = new Socket(BrzServe.HOST, serve.port())) {
      queued.getOutputStream().write(HELLO);

      assertThat(serve.quiet()).isFalse();
      assertThat(serve.heldConnections()).isOne();
    } finally {
      signal("CONT");
    }
    awaitQuiet();
  }

  private void awaitQuiet() {
    assertThat(serve.awaitQuiet(Duration.ofSeconds(30))).as("brz serve quiet within 30 s").isTrue();
  }

  private void signal(String name) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(serve.pid())).inheritIO().start();
    assertThat(kill.waitFor()).isZero();
  }

  @Test
  void gracefulStopClosesAnIdleConnection() throws IOException {
    try (Socket idle = new Socket(BrzServe.HOST, serve.port())) {
      idle.setSoTimeout(30_000);
      idle.getOutputStream().write(HELLO);
      readResponse(idle.getInputStream());

      serve.stop(StopMode.GRACEFUL);

      assertThat(idle.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void stopLeavesNoProcessAndRefusesConnections() {
    ProcessHandle process = ProcessHandle.of(serve.pid()).orElseThrow();
    int port = serve.port();

    serve.stop(StopMode.KILL);

    assertThat(process.isAlive()).isFalse();
    assertThat(serve.running()).isFalse();
    assertThat(Reaper.live()).noneMatch(p -> p.pid() == process.pid());
    assertThatThrownBy(() -> new Socket(BrzServe.HOST, port).close())
        .isInstanceOf(IOException.class);
    serve.start();
    assertThat(serve.port()).isEqualTo(port);
  }

  @Test
  void closeKillsTheServerAndDeletesItsDirectory() {
    ProcessHandle process = ProcessHandle.of(serve.pid()).orElseThrow();
    Path directory = serve.directory();

    serve.close();

    assertThat(process.isAlive()).isFalse();
    assertThat(directory).doesNotExist();
  }

  @Test
  void aTakenPortIsATypedFailure() throws IOException {
    int port = serve.port();
    serve.stop(StopMode.KILL);
    try (ServerSocket squatter = new ServerSocket()) {
      squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));

      assertThatThrownBy(serve::start)
          .isInstanceOf(BrzServeFailed.class)
          .hasMessageContaining("exited")
          .satisfies(e -> assertThat(((BrzServeFailed) e).log()).containsIgnoringCase("bind"));
    }
    assertThat(serve.running()).isFalse();
  }

  @Test
  void createsRealBranchesAndReadsTheStateBack() {
    serve.createBranch("one");
    serve.createBranch("nested/two");

    ServedState state = serve.snapshot();
    assertThat(state.file("one/.bzr/branch-format")).isPresent();
    assertThat(state.file("nested/two/.bzr/branch/format")).isPresent();
    assertThat(state.directories()).contains("one", "nested", "nested/two/.bzr/branch");
    assertThat(state.branchLocked("one")).isFalse();
  }

  @Test
  void clearEmptiesTheServedDirectory() throws IOException {
    serve.createBranch("b");
    Files.writeString(serve.directory().resolve("f"), "x");

    serve.clear();

    assertThat(serve.snapshot()).isEqualTo(new ServedState(new TreeSet<>(), new TreeMap<>()));
    assertThat(serve.directory()).isEmptyDirectory();
  }

  @Test
  void refusesBranchPathsOutsideTheServedDirectory() {
    for (String path : new String[] {"../escape", "/tmp/abs", "a/../../b", ""}) {
      assertThatThrownBy(() -> serve.createBranch(path))
          .as(path)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** SPEC §11: Ctrl-C (or any JVM exit) leaves no brz process and no directory behind. */
  @Test
  void aDyingJvmTakesItsServerWithIt() throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process child =
        new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), OrphanCheck.class.getName())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      String[] pidAndDirectory = readLine(child.getInputStream()).split(" ", 2);
      ProcessHandle brz = ProcessHandle.of(Long.parseLong(pidAndDirectory[0])).orElseThrow();
      Path directory = Path.of(pidAndDirectory[1]);
      assertThat(directory).isDirectory();
      assertThat(brz.isAlive()).isTrue();

      child.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C (SIGINT)

      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      brz.onExit().get(10, TimeUnit.SECONDS);
      assertThat(brz.isAlive()).isFalse();
      assertThat(directory).doesNotExist();
    } finally {
      child.destroyForcibly();
    }
  }

  /** --breezy PATH: brz serve and brz init run the chosen breezy package, not the system's. */
  @Test
  void aChosenBreezyServesAndMakesBranches(@TempDir Path dir) throws IOException {
    BreezyInstallation copy = BreezyInstallation.at(BreezyCopy.of(dir));
    try (BrzServe chosen = BrzServe.start(copy)) {
      String argv = Files.readString(Path.of("/proc/" + chosen.pid() + "/cmdline")).replace('\0', ' ');
      assertThat(argv).contains(" " + dir + " serve --allow-writes");
      assertThat(hello(chosen.port())).endsWith("l2:ok1:2ee");
      chosen.createBranch("b");
      assertThat(chosen.directory().resolve("b/.bzr/branch")).isDirectory();
    }
  }

  /** Started in its own JVM by {@link #aDyingJvmTakesItsServerWithIt}. */
  static final class OrphanCheck {
    public static void main(String[] args) throws Exception {
      BrzServe serve = BrzServe.start(BreezyInstallation.system());
      System.out.println(serve.pid() + " " + serve.directory());
      System.out.flush();
      Thread.currentThread().join();
    }
  }

  private static String hello(int port) throws IOException {
    try (Socket socket = new Socket(BrzServe.HOST, port)) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(HELLO);
      return new String(readResponse(socket.getInputStream()), StandardCharsets.ISO_8859_1);
    }
  }

  private static byte[] readResponse(InputStream in) throws IOException {
    return ScriptedServer.readMessage(in);
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      line.write(b);
    }
    return line.toString(StandardCharsets.UTF_8);
  }
}
