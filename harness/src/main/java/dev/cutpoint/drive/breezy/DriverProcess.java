package dev.cutpoint.drive.breezy;

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
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Python driver as a process: {@code driver.py}, shipped in the jar, copied into a throwaway
 * Breezy home and run by the system's Python; lines in, lines out, with a deadline on every
 * wait. Knows nothing of what the lines mean ({@link BreezyClient} does).
 */
final class DriverProcess implements AutoCloseable {

  private static final String SCRIPT = "driver.py";
  private static final Duration EXIT_WAIT = Duration.ofSeconds(5);
  private static final int LOG_CAPACITY = 64 * 1024;

  private final BreezyHome home;
  private final Process process;
  private final OutputStream stdin;
  private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
  private final BoundedLog stderr = new BoundedLog(LOG_CAPACITY);
  private final Thread stderrDrain;
  private boolean outputEnded;

  private DriverProcess(BreezyHome home, Process process) {
    this.home = home;
    this.process = process;
    this.stdin = process.getOutputStream();
    long pid = process.pid();
    stderrDrain = stderr.drain(process.getErrorStream(), line -> {}, "breezy-driver-stderr-" + pid);
    Thread reader = new Thread(() -> readLines(process.getInputStream()), "breezy-driver-" + pid);
    reader.setDaemon(true);
    reader.start();
  }

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
      // -I: Python ignores PYTHON* variables and the user's site-packages.
      ProcessBuilder builder =
          home.applyTo(
              new ProcessBuilder(
                  installation.python().toString(), "-I", "-u", script.toString()));
      return new DriverProcess(home, Reaper.start(builder));
    } catch (IOException | RuntimeException e) {
      home.close();
      if (e instanceof IOException io) {
        throw new UncheckedIOException("cannot start the Breezy driver", io);
      }
      throw (RuntimeException) e;
    }
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
      throw new DriverTimeout(during + " (interrupted)", deadline, stderr.tail());
    }
    if (line == null) {
      kill();
      throw new DriverTimeout(during, deadline, stderr.tail());
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
    return new DriverExited(during, status, stderr.tail());
  }
}
