package dev.cutpoint.drive.commands;

/**
 * One finished {@code brz} process: its exit status and what it printed.
 *
 * @param interrupted whether the harness interrupted it (SIGINT, a user's Ctrl-C) because it hung
 */
public record BrzRun(int exitCode, String stdout, String stderr, long millis, boolean interrupted) {

  /** Breezy's report of an internal error (breezy/trace.py:report_bug): a traceback for the user. */
  public boolean traceback() {
    return stderr.contains("Traceback (most recent call last)");
  }

  public boolean succeeded() {
    return exitCode == 0;
  }

  /**
   * What a traceback is about, for the report: Breezy's {@code brz: ERROR: <exception>: <message>}
   * line (breezy/trace.py:report_bug prints it first; the last lines are its boilerplate asking for
   * a bug report), else the last lines of stderr.
   */
  public String errorLine() {
    return stderr.lines().filter(line -> line.startsWith("brz: ERROR:")).findFirst()
        .map(String::strip).orElseGet(this::stderrTail);
  }

  /** The last lines of stderr, for the report. */
  public String stderrTail() {
    String[] lines = stderr.strip().split("\n");
    int from = Math.max(0, lines.length - 3);
    return String.join(" / ", java.util.Arrays.copyOfRange(lines, from, lines.length)).strip();
  }
}
