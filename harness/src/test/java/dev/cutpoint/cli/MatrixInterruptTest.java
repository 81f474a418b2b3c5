package dev.cutpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.report.MatrixReport;
import dev.cutpoint.report.ReportWriter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on a matrix run: a real process sent SIGINT once some cases are done exits 130, writes the
 * finished cases as a report marked "interrupted after k of n cases", and says where it is.
 */
class MatrixInterruptTest {

  /** Runs its arguments as a child and sends it SIGINT when a line arrives on stdin; exits with its code. */
  private static final String CTRL_C = String.join("\n",
      "import signal, subprocess, sys, threading",
      "def default_int():",
      "    signal.signal(signal.SIGINT, signal.SIG_DFL)",
      "    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGINT])",
      "child = subprocess.Popen(sys.argv[1:], preexec_fn=default_int)",
      "def ctrl_c():",
      "    if sys.stdin.readline():",
      "        child.send_signal(signal.SIGINT)",
      "threading.Thread(target=ctrl_c, daemon=True).start()",
      "sys.exit(child.wait())");

  /** A progress line with at least one case done ({@code cutpoint: 1 130/1 680 cases}: digits are grouped). */
  private static final Pattern SOME_DONE = Pattern.compile("^cutpoint: [1-9][^/]*/");

  /** The last progress line, printed when every case is done and before the report is written. */
  private static final Pattern ALL_DONE = Pattern.compile("^cutpoint: .*\\(100%\\)");

  @TempDir Path dir;

  private record Interrupted(int exit, String printed) {}

  /**
   * Runs the matrix under a small Python parent that sends it SIGINT, as a terminal sends Ctrl-C,
   * when a line matching {@code when} is printed; the child gets SIGINT's default disposition, since
   * a process started from a background shell inherits it ignored, and a JVM that finds it ignored
   * never handles it.
   */
  private Interrupted interrupt(Pattern when, Path out, String tries) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(List.of("python3", "-c", CTRL_C,
        java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "matrix", "--tries", tries, "--confirm", "0", "--seed", "11", "--out", out.toString()))
        .redirectErrorStream(true);
    Process process = builder.start();
    try {
      StringBuilder printed = new StringBuilder();
      BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      CompletableFuture<Void> seen = new CompletableFuture<>();
      Thread reader = new Thread(() -> {
        try {
          String line;
          while ((line = lines.readLine()) != null) {
            synchronized (printed) {
              printed.append(line).append('\n');
            }
            if (when.matcher(line).find()) {
              seen.complete(null);
            }
          }
        } catch (java.io.IOException e) {
          // the process is gone
        }
        seen.complete(null);
      }, "matrix-output");
      reader.start();
      seen.get(60, TimeUnit.SECONDS); // a safety net: the lines come in seconds
      process.getOutputStream().write('\n');
      process.getOutputStream().flush();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ended after SIGINT").isTrue();
      reader.join(10_000);
      synchronized (printed) {
        return new Interrupted(process.exitValue(), printed.toString());
      }
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void ctrlCKeepsTheFinishedCasesAsAReport() throws Exception {
    Path out = dir.resolve("report");
    Interrupted run = interrupt(SOME_DONE, out, "20");
    String text = run.printed();
    assertThat(run.exit()).as(text).isEqualTo(130);

    MatrixReport report = ReportWriter.read(out.resolve("matrix.json"));
    assertThat(report.cases()).as(text).isNotEmpty();
    Matcher ended = Pattern.compile("interrupted after (\\d+) of (\\d+) cases").matcher(report.run().ending().orElseThrow());
    assertThat(ended.matches()).isTrue();
    assertThat(Long.parseLong(ended.group(1))).isEqualTo(report.cases().size());
    assertThat(Long.parseLong(ended.group(2))).isGreaterThan(report.cases().size());
    assertThat(text).contains("cutpoint: matrix interrupted after " + report.cases().size() + " of ")
        .contains("report of the finished cases: " + out.resolve("index.html"));
    assertThat(text).doesNotContain("cannot delete");
  }

  /**
   * Ctrl-C once every case is done, while the report is written: the report is not cut off half
   * written. (When the signal comes after the run has ended, the run exits 0 with the same report.)
   */
  @Test
  void ctrlCWhileTheReportIsWrittenLeavesItWhole() throws Exception {
    Path out = dir.resolve("report");
    Interrupted run = interrupt(ALL_DONE, out, "10");
    String text = run.printed();
    assertThat(run.exit()).as(text).isIn(0, 130);

    MatrixReport report = ReportWriter.read(out.resolve("matrix.json"));
    assertThat(report.cases()).as(text).hasSize(960);
    assertThat(report.run().ending()).as(text).isEmpty();
    assertThat(out.resolve("index.html")).as(text).exists();
    if (run.exit() == 130) {
      assertThat(text).contains("the report is whole");
    }
  }
}
