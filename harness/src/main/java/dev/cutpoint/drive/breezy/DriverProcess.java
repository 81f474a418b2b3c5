package dev.cutpoint.drive.breezy;

import dev.cutpoint.drive.ClientCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A driver-protocol client as a process (docs/driver-protocol.md): Breezy's {@code driver.py},
 * shipped in the jar, copied into a throwaway Breezy home and run by the installation's Python, or the
 * user's {@link ClientCommand}, run by {@code /bin/sh} in the same kind of home (as the user's
 * server command is); lines in, lines out, with a deadline on every wait. Knows nothing of what
 * the lines mean ({@link BreezyClient} does).
 */
final class DriverProcess implements AutoCloseable {

  private static final String SCRIPT = "driver.py";
  private static final Duration EXIT_WAIT = Duration.ofSeconds(5);
  private static final int LOG_CAPACITY = 64 * 1024;

  private final BreezyHome home;
  private final String name;
  private final Process process;
  private final OutputStream stdin;
  private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
  private final BoundedLog stderr = new BoundedLog(LOG_CAPACITY);
  private final Thread stderrDrain;
  private boolean outputEnded;

  private DriverProcess(BreezyHome home, String name, Process process) {
    this.home = home;
    this.name = name;
    this.process = process;
    this.stdin = process.getOutputStream();
    long pid = process.pid();
    stderrDrain = stderr.drain(process.getErrorStream(), line -> {}, "driver-stderr-" + pid);
    Thread reader = new Thread(() -> readLines(process.getInputStream()), "driver-" + pid);
    reader.setDaemon(true);
    reader.start();
  }

  /** Breezy's driver, {@code python3 -I -u driver.py} with the installation's Breezy. */
  static DriverProcess start(BreezyInstallation installation) {
    BreezyHome home = BreezyHome.create("cutpoint-breezy-driver-");
    try {
      Path script = home.path().resolve(SCRIPT);
      try (InputStream source = DriverProcess.class.getResourceAsStream(SCRIPT)) {
        if (source == null) {
          throw new IllegalStateException(SCRIPT + " is missing from the classpath");
        }
        Files.copy(source, script);
      }
      // isolated (-I): only the installation's own choice of breezy package is added to sys.path
      return start(home, "the Breezy driver", installation.pythonScript(script, List.of()));
    } catch (IOException | RuntimeException e) {
      home.close();
      if (e instanceof IOException io) {
        throw new UncheckedIOException("cannot start the Breezy driver", io);
      }
      throw (RuntimeException) e;
    }
  }

  /** The user's client, {@code /bin/sh -c COMMAND}. */
  static DriverProcess start(ClientCommand command) {
    BreezyHome home = BreezyHome.create("cutpoint-client-command-");
    try {
      return start(home, "the client command '" + command.command() + "'", command.argv());
    } catch (IOException | RuntimeException e) {
      home.close();
      if (e instanceof IOException io) {
        throw new UncheckedIOException("cannot start the client command '" + command.command() + "'", io);
      }
      throw (RuntimeException) e;
    }
  }

  private static DriverProcess start(BreezyHome home, String name, List<String> argv)
      throws IOException {
    return new DriverProcess(home, name, Reaper.start(home.applyTo(new ProcessBuilder(argv))));
  }

  /** Who runs, for messages: {@code the Breezy driver}, {@code the client command '...'}. */
  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  String log() {
    return stderr.tail();
  }

  /**
   * Writes one line (a JSON object, without its newline). Whole lines only, from any thread: an
   * expire is written while the call's thread may be answering a gate.
   */
  synchronized void send(String line, String during) {
    try {
      stdin.write(line.getBytes(StandardCharsets.UTF_8));
      stdin.write('\n');
      stdin.flush();
    } catch (IOException e) {
      throw exited(during);
    }
  }

  /**
   * The next line, waiting at most {@code deadline}; the driver is killed when none comes, since
   * whatever it is doing can no longer be trusted.
   */
  String receive(Duration deadline, String during) {
    if (outputEnded) {
      throw exited(during);
    }
    Optional<String> line;
    try {
      line = lines.poll(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
      throw new DriverTimeout(name, during + " (interrupted)", deadline, stderr.tail());
    }
    if (line == null) {
      kill();
      throw new DriverTimeout(name, during, deadline, stderr.tail());
    }
    if (line.isEmpty()) {
      outputEnded = true;
      throw exited(during);
    }
    return line.get();
  }

  void kill() {
    Reaper.kill(process, EXIT_WAIT);
  }

  /** Closes the driver's stdin, which ends it; kills it if it lingers. */
  @Override
  public void close() {
    try {
      try {
        stdin.close();
      } catch (IOException e) {
        // it is already gone: nothing to tell it
      }
      Reaper.awaitOrKill(process, EXIT_WAIT);
    } finally {
      home.close();
    }
  }

  private void readLines(InputStream output) {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(Optional.of(line));
      }
    } catch (IOException e) {
      stderr.append("(cutpoint: the driver's stdout failed: " + e.getMessage() + ")");
    }
    lines.add(Optional.empty());
  }

  private DriverExited exited(String during) {
    OptionalInt status = OptionalInt.empty();
    try {
      if (process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        status = OptionalInt.of(process.exitValue());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    kill();
    try {
      // its last words (a traceback) may still be in the pipe
      stderrDrain.join(EXIT_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new DriverExited(name, during, status, stderr.tail());
  }
}
