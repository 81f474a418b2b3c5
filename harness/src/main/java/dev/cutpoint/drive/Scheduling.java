package dev.cutpoint.drive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Puts the run's threads in the kernel's batch class ({@code SCHED_BATCH}, sched(7)), once per
 * JVM, through util-linux's {@code chrt}: Java has no call for it.
 *
 * <p>Why: a case is a chain of short hops between threads (client, proxy, server, Toxiproxy's
 * API), and under the normal class each thread a hop wakes preempts the one that woke it, which
 * then has to be scheduled again to go on. A batch thread that wakes waits for the running one to
 * block or for the tick instead. A java matrix ({@code --tries 60}) made 0.87 times the context
 * switches and took 0.87 times the CPU and the wall time (farm-bench, 6 pairs). The batch class
 * keeps the threads' nice value and share of the CPU; threads and processes started later (pools,
 * {@code brz serve}, Breezy's client) inherit it. No verdict depends on it (SPEC §5.4).
 *
 * <p>Where {@code chrt} is missing or refused, the run goes on in the normal class and says so.
 */
public final class Scheduling {

  /** The class the run's threads are in, in words for the run line. */
  public record Outcome(boolean batch, String description) {}

  /** A safety net only: chrt answers in milliseconds. */
  private static final long CHRT_SAFETY_NET_SECONDS = 30;
  private static Outcome outcome;

  private Scheduling() {}

  /** Moves every thread of this JVM to the batch class the first time; says where they are. */
  public static synchronized Outcome batch() {
    if (outcome == null) {
      outcome = moveToBatch(List.of(
          "chrt", "--all-tasks", "--batch", "--pid", "0", Long.toString(ProcessHandle.current().pid())));
    }
    return outcome;
  }

  static Outcome moveToBatch(List<String> command) {
    Process chrt;
    try {
      chrt = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return new Outcome(false, "normal (" + command.get(0) + " could not run: " + e.getMessage() + ")");
    }
    try (InputStream said = chrt.getInputStream()) {
      chrt.getOutputStream().close();
      // its few words fit in the pipe: it can end before they are read
      if (!chrt.waitFor(CHRT_SAFETY_NET_SECONDS, TimeUnit.SECONDS)) {
        return new Outcome(false, "normal (" + command.get(0) + " did not end)");
      }
      if (chrt.exitValue() != 0) {
        String output = new String(said.readNBytes(4096), StandardCharsets.UTF_8).strip();
        return new Outcome(false, "normal (" + command.get(0) + " exited with " + chrt.exitValue()
            + output.lines().findFirst().map(line -> ": " + line).orElse("") + ")");
      }
      return new Outcome(true, "batch");
    } catch (IOException e) {
      return new Outcome(false, "normal (" + command.get(0) + " failed: " + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(false, "normal (interrupted while " + command.get(0) + " ran)");
    } finally {
      chrt.destroyForcibly();
    }
  }
}
