package dev.cutpoint.toxiproxy;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Shopify's {@code toxiproxy-server}, started on a free loopback port for the run and stopped on
 * close — or, if the JVM exits first, by a shutdown hook. Its output goes to a temporary log,
 * quoted when it fails to start.
 */
final class ServerBinaryProvider implements ToxiproxyProvider {
  private static final Duration STARTUP = Duration.ofSeconds(10);
  private static final int ATTEMPTS = 3;

  private final Path binary;
  private final Process process;
  private final Thread killOnExit;
  private final Path log;
  private final URI url;
  private final String version;
  private final ToxiproxyClient client;

  private ServerBinaryProvider(
      Path binary, Process process, Thread killOnExit, Path log, URI url, String version) {
    this.binary = binary;
    this.process = process;
    this.killOnExit = killOnExit;
    this.log = log;
    this.url = url;
    this.version = version;
    this.client = new ToxiproxyClient("http", url.getHost(), url.getPort());
  }

  /**
   * Starts the binary. The free port is found by binding port 0 and letting it go, so another
   * process may take it first; then the server exits at once and another port is tried.
   */
  static ServerBinaryProvider start(Path binary) throws IOException {
    ToxiproxyUnavailableException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int port = freePort();
      URI url = URI.create("http://127.0.0.1:" + port);
      Path log = Files.createTempFile("toxiproxy-server-", ".log");
      Process process =
          new ProcessBuilder(
                  List.of(binary.toString(), "-host", "127.0.0.1", "-port", Integer.toString(port)))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      Thread killOnExit = new Thread(process::destroyForcibly, "toxiproxy-server-kill");
      Runtime.getRuntime().addShutdownHook(killOnExit);
      try {
        String version = awaitVersion(process, url);
        return new ServerBinaryProvider(binary, process, killOnExit, log, url, version);
      } catch (ToxiproxyUnavailableException e) {
        stop(process, killOnExit);
        last = new ToxiproxyUnavailableException(url, e.getMessage() + "; log: " + tail(log));
        Files.deleteIfExists(log);
      }
    }
    throw last;
  }

  @Override
  public String description() {
    return "toxiproxy-server " + version + " (" + binary + ", pid " + process.pid() + ") at " + url;
  }

  @Override
  public URI url() {
    return url;
  }

  @Override
  public ToxiproxyClient client() {
    return client;
  }

  @Override
  public void close() {
    stop(process, killOnExit);
    try {
      Files.deleteIfExists(log);
    } catch (IOException ignored) {
      // a temporary file left behind is harmless
    }
  }

  private static String awaitVersion(Process process, URI url)
      throws ToxiproxyUnavailableException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (true) {
      try {
        return ServerVersion.fetch(url);
      } catch (ToxiproxyUnavailableException notYet) {
        if (!process.isAlive()) {
          throw new ToxiproxyUnavailableException(url, "exited with " + process.exitValue());
        }
        if (System.nanoTime() > deadline) {
          throw new ToxiproxyUnavailableException(url, "not up after " + STARTUP);
        }
        pause();
      }
    }
  }

  /** Polling a process that gives no other sign of readiness. */
  private static void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void stop(Process process, Thread killOnExit) {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: nothing to remove
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "(unreadable)";
    }
  }
}
