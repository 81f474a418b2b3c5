package dev.cutpoint.report;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a long run: cases done of planned, violations so far, rate and time left. On a
 * terminal it is one line redrawn in place ({@code \r}); in a log (Maven, CI) it is a plain line
 * every so often. Printing happens when a case is reported, so there is no thread to stop.
 */
public final class Progress {
  /** How often a terminal line is redrawn at most: faster is flicker, not information. */
  static final Duration REDRAW = Duration.ofMillis(200);
  /** How often a plain line is printed to a log by default. */
  public static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

  private final long planned;
  private final PrintStream out;
  private final boolean terminal;
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private final long start;
  private long done;
  private long violations;
  private long lastPrint;
  private int lastWidth;
  private boolean finished;

  /**
   * @param terminal redraw one line in place rather than print lines
   * @param interval at most one line per interval (terminal: at most one redraw per {@link #REDRAW})
   * @param nanoTime the clock, {@code System::nanoTime} outside tests
   */
  public Progress(long planned, PrintStream out, boolean terminal, Duration interval, LongSupplier nanoTime) {
    if (planned < 0) {
      throw new IllegalArgumentException("planned cases must not be negative: " + planned);
    }
    this.planned = planned;
    this.out = out;
    this.terminal = terminal;
    this.intervalNanos = (terminal ? REDRAW : interval).toNanos();
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
    this.lastPrint = start;
  }

  /** Progress on standard output: redrawn in place when it is a terminal, a line every 10 s otherwise. */
  public static Progress toStdout(long planned) {
    return new Progress(planned, System.out, System.console() != null, LOG_INTERVAL, System::nanoTime);
  }

  /** Counts one finished case; prints when the interval has passed. */
  public synchronized void caseDone(Outcome outcome) {
    done++;
    if (outcome == Outcome.VIOLATION) {
      violations++;
    }
    long now = nanoTime.getAsLong();
    if (now - lastPrint >= intervalNanos) {
      lastPrint = now;
      print(line(now));
    }
  }

  /** Prints the final line (and ends the redrawn one); later calls do nothing. */
  public synchronized void finish() {
    if (finished) {
      return;
    }
    finished = true;
    print(line(nanoTime.getAsLong()));
    if (terminal) {
      out.println();
    }
    out.flush();
  }

  private void print(String line) {
    if (terminal) {
      // pad over the end of a longer previous line
      out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
      lastWidth = line.length();
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** {@code cutpoint: 1 234/4 800 cases (25%) · 2 violating cases · 41.3 cases/s · about 1m 26s left}. */
  synchronized String line(long now) {
    double seconds = (now - start) / 1e9;
    double rate = seconds > 0 ? done / seconds : 0;
    String percent = planned == 0 ? "" : String.format(Locale.ROOT, " (%d%%)", done * 100 / planned);
    String left;
    if (done >= planned) {
      left = "done in " + Text.duration(Duration.ofNanos(now - start));
    } else if (rate == 0) {
      left = "time left unknown";
    } else {
      left = "about " + Text.duration(Duration.ofMillis((long) ((planned - done) / rate * 1000))) + " left";
    }
    return "cutpoint: " + Text.count(done) + "/" + Text.count(planned) + " cases" + percent
        + " · " + Text.count(violations) + (violations == 1 ? " violating case" : " violating cases")
        + " · " + String.format(Locale.ROOT, "%.1f cases/s", rate) + " · " + left;
  }
}
