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

  @TempDir Path dir;

  @Test
  void ctrlCKeepsTheFinishedCasesAsAReport() throws Exception {
    Path out = dir.resolve("report");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // the matrix runs under a small Python parent that sends it SIGINT when told on its stdin, as a
    // terminal sends Ctrl-C; the child gets SIGINT's default disposition, since a process started
    // from a background shell inherits it ignored, and a JVM that finds it ignored never handles it
    ProcessBuilder builder = new ProcessBuilder(List.of("python3", "-c", CTRL_C,
        java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "matrix", "--tries", "20", "--confirm", "0", "--seed", "11", "--out", out.toString()))
        .redirectErrorStream(true);
    Process process = builder.start();
    try {
      StringBuilder printed = new StringBuilder();
      BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      CompletableFuture<Void> someCasesDone = new CompletableFuture<>();
      Thread reader = new Thread(() -> {
        try {
          String line;
          while ((line = lines.readLine()) != null) {
            synchronized (printed) {
              printed.append(line).append('\n');
            }
            if (SOME_DONE.matcher(line).find()) {
              someCasesDone.complete(null);
            }
          }
        } catch (java.io.IOException e) {
          // the process is gone
        }
        someCasesDone.complete(null);
      }, "matrix-output");
      reader.start();
      someCasesDone.get(60, TimeUnit.SECONDS); // a safety net: the first progress line comes in seconds
      assertThat(process.isAlive()).as("still running when interrupted").isTrue();
      process.getOutputStream().write('\n');
      process.getOutputStream().flush();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ended after SIGINT").isTrue();
      reader.join(10_000);
      String text;
      synchronized (printed) {
        text = printed.toString();
      }
      assertThat(process.exitValue()).as(text).isEqualTo(130);

      MatrixReport report = ReportWriter.read(out.resolve("matrix.json"));
      assertThat(report.cases()).as(text).isNotEmpty();
      Matcher ended = Pattern.compile("interrupted after (\\d+) of (\\d+) cases").matcher(report.run().ending().orElseThrow());
      assertThat(ended.matches()).isTrue();
      assertThat(Long.parseLong(ended.group(1))).isEqualTo(report.cases().size());
      assertThat(Long.parseLong(ended.group(2))).isGreaterThan(report.cases().size());
      assertThat(text).contains("cutpoint: matrix interrupted after " + report.cases().size() + " of ")
          .contains("report of the finished cases: " + out.resolve("index.html"));
      assertThat(text).doesNotContain("cannot delete");
    } finally {
      process.destroyForcibly();
    }
  }
}
