package dev.cutpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs the command line in a child JVM under a small Python parent that sends it SIGINT, as a
 * terminal sends Ctrl-C, when a line matching a pattern is printed; the child gets SIGINT's default
 * disposition, since a process started from a background shell inherits it ignored, and a JVM that
 * finds it ignored never handles it.
 */
final class CtrlC {

  /** Runs its arguments as a child and sends it SIGINT when a line arrives on stdin; exits with its code. */
  private static final String SEND = String.join("\n",
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
  static final Pattern SOME_DONE = Pattern.compile("^cutpoint: [1-9][^/]*/");

  /** The last progress line, printed when every case is done and before the report is written. */
  static final Pattern ALL_DONE = Pattern.compile("^cutpoint: .*\\(100%\\)");

  record Interrupted(int exit, String printed) {}

  private CtrlC() {}

  /** Runs {@code cutpoint ARGS} and sends it SIGINT once a line matching {@code when} is printed. */
  static Interrupted interrupt(Pattern when, List<String> args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of("python3", "-c", SEND,
        java, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
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
      }, "interrupted-output");
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
}
