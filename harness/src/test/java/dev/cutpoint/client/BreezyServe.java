package dev.cutpoint.client;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code brz serve --allow-writes} on a free loopback port, serving a directory, for the
 * interoperability tests. Where Breezy is missing the tests are aborted, except on CI
 * ({@code CI=true}), where Breezy is installed by {@code .ci/install} and its absence is a failure.
 * Breezy's home (configuration, log) goes beside the served directory, so that directory must be
 * inside a temporary one.
 */
public final class BreezyServe implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("listening on port: (\\d+)");

  private final Path directory;
  private final Process process;
  private final int port;

  private BreezyServe(Path directory, Process process, int port) {
    this.directory = directory;
    this.process = process;
    this.port = port;
  }

  /** The {@code brz} executable, or the test's end (a failure on CI, an abort elsewhere). */
  public static Path brz() {
    Optional<Path> found =
        Optional.of(Path.of("/usr/bin/brz"))
            .filter(Files::isExecutable)
            .or(
                () ->
                    Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                        .map(dir -> Path.of(dir, "brz"))
                        .filter(Files::isExecutable)
                        .findFirst());
    if (found.isEmpty()) {
      fail("brz is not installed (run bash .ci/install)");
    }
    return found.get();
  }

  /** Starts {@code brz serve --allow-writes} on {@code directory} and waits until it listens. */
  public static BreezyServe start(Path directory) throws IOException, InterruptedException {
    return start(directory, 0);
  }

  /**
   * Starts {@code brz serve --allow-writes} on {@code directory} and {@code port} (0: a free one)
   * and waits until it listens. Breezy sets {@code SO_REUSEADDR}, so a restart can take the port
   * of a server just stopped.
   */
  public static BreezyServe start(Path directory, int port) throws IOException, InterruptedException {
    // brz serve says where it listens on stderr
    Process process =
        breezy(directory, "serve", "--allow-writes", "--listen=127.0.0.1", "--port=" + port, "--directory=" + directory)
            .redirectErrorStream(true)
            .start();
    StringBuffer said = new StringBuffer();
    CompletableFuture<Integer> listening = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  said.append(line).append('\n');
                  Matcher found = LISTENING.matcher(line);
                  if (found.find()) {
                    listening.complete(Integer.parseInt(found.group(1)));
                  }
                }
                listening.completeExceptionally(new IOException("brz serve ended without listening"));
              } catch (IOException e) {
                listening.completeExceptionally(e);
              }
            },
            "brz-serve-stdout");
    reader.setDaemon(true);
    reader.start();
    try {
      return new BreezyServe(directory, process, listening.get(60, TimeUnit.SECONDS));
    } catch (ExecutionException | TimeoutException e) {
      stop(process);
      throw new IOException("brz serve did not start: " + e + "; it said: " + said, e);
    }
  }

  /** Runs {@code brz ARGS...} in {@code directory} and fails unless it succeeds. */
  public static void run(Path directory, String... args) throws IOException, InterruptedException {
    Process process = breezy(directory, args).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      stop(process);
      throw new IOException("brz " + String.join(" ", args) + " failed: " + new String(output, StandardCharsets.UTF_8));
    }
  }

  private static ProcessBuilder breezy(Path directory, String... args) throws IOException {
    Path home = Files.createDirectories(directory.resolveSibling(directory.getFileName() + "-brz-home"));
    ProcessBuilder builder =
        new ProcessBuilder(
            concat(List.of(brz().toString(), "--no-plugins"), Arrays.asList(args)).toArray(String[]::new));
    builder.directory(directory.toFile());
    // keep Breezy's configuration and log out of the real home
    builder.environment().put("BRZ_HOME", home.toString());
    builder.environment().put("BRZ_LOG", home.resolve("brz.log").toString());
    builder.environment().put("HOME", home.toString());
    return builder;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  public Path directory() {
    return directory;
  }

  public int port() {
    return port;
  }

  public TcpConnector connector() {
    return new TcpConnector(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
  }

  @Override
  public void close() throws InterruptedException {
    stop(process);
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
