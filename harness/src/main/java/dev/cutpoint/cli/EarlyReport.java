package dev.cutpoint.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The report of a run that did not finish, written once: by the Ctrl-C hook or after a failure,
 * unless the run's own report was claimed first. It holds the cases finished so far, marked with
 * how the run ended, and the console says where it is. A Ctrl-C while the run's own report is
 * written waits for it instead of cutting it off.
 */
final class EarlyReport {

  /** What a run that did not finish has to give. */
  interface SoFar {
    /** Stops the run's count for good and says how far it came ({@code after 12 of 40 cases}). */
    String stop();

    /**
     * Writes the report of what finished, marked {@code ending}, and says where it is, for the
     * console; empty when the run had not begun its cases (no report to write).
     */
    Optional<String> write(String ending) throws IOException;
  }

  private final String command;
  private final SoFar soFar;
  private final PrintStream out;
  private final AtomicBoolean claimed = new AtomicBoolean();
  private final CountDownLatch written = new CountDownLatch(1);

  /** @param command the command's name, as the console lines say it ({@code matrix}) */
  EarlyReport(String command, SoFar soFar, PrintStream out) {
    this.command = command;
    this.soFar = soFar;
    this.out = out;
  }

  /** The hook that writes it on Ctrl-C, added to the runtime; {@link #removeHook} takes it away. */
  Thread addHook() {
    Thread hook = new Thread(() -> write("interrupted"), "cutpoint-" + command + "-interrupted");
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // Ctrl-C came: the hook runs and writes the report of what finished
    }
  }

  /** Claims the report for the finished run; false when an early one was written instead. */
  boolean claim() {
    return claimed.compareAndSet(false, true);
  }

  /** The finished run's report is written (or could not be). */
  void done() {
    written.countDown();
  }

  void write(String how) {
    if (!claim()) {
      // the finished run is writing its own report: let it end before the JVM does
      awaitQuietly();
      out.println("cutpoint: " + command + " " + how + " after its last case, while its report was written;"
          + " the report is whole");
      out.flush();
      return;
    }
    String ending = how + " " + soFar.stop();
    try {
      Optional<String> where = soFar.write(ending);
      out.println("cutpoint: " + command + " " + ending
          + where.map(w -> "; report of the finished cases: " + w).orElse("; no case had run, so no report"));
    } catch (IOException | RuntimeException e) {
      out.println("cutpoint: " + command + " " + ending + "; its report could not be written: " + e.getMessage());
    } finally {
      out.flush();
      written.countDown();
    }
  }

  private void awaitQuietly() {
    try {
      written.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
