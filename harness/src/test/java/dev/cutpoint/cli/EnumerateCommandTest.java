package dev.cutpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code cutpoint enumerate}: its last line, its report, its exit codes and one-line errors. */
class EnumerateCommandTest {

  @TempDir Path dir;

  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();

  private Path workload(String json) throws IOException {
    Path file = dir.resolve("workload.json");
    Files.writeString(file, json);
    return file;
  }

  private void assertOneLineError(String... containing) {
    String text = console.err();
    assertThat(text).startsWith("cutpoint enumerate: ").contains(containing).endsWith("\n");
    assertThat(text.strip()).doesNotContain("\n");
  }

  private String lastLine() {
    String[] lines = console.out().strip().split("\n");
    return lines[lines.length - 1];
  }

  @Test
  void aWorkloadFileIsCutAtEveryPointUpToTheCapAndSaysSo() throws IOException {
    Path file = workload("[{\"verb\": \"has\", \"args\": [\"f0\"]}, {\"verb\": \"append\", \"args\": [\"f0\", \"\"], \"body\": 20}]");

    int exit = Main.run("enumerate", "--workload", file.toString(), "--max-cases", "40", "--seed", "3",
        "--workers", "2", "--out", dir.resolve("out").toString());

    assertThat(exit).isZero();
    assertThat(lastLine()).matches("40 cut points, 0 violating cases, \\d+ skipped by stride, \\d+ not expressible");
    assertThat(console.out()).contains("at most 40 cases (evenly spaced)", "to stay under --max-cases 40",
        "rate: ", " cut points/s while running cases (workers 2)");
    assertThat(Files.readString(dir.resolve("out/index.html"))).contains("id=\"cutpoints\"", "data-strip=\"request-1\"");
    assertThat(dir.resolve("out/cutpoints.json")).exists();
    assertThat(dir.resolve("out/matrix.json")).exists();
    assertThat(Files.list(dir.resolve("out/cases")).count()).isEqualTo(40);
  }

  @Test
  void aMutantCaughtExitsOneWithTheViolationAndItsReplay() throws IOException {
    Path file = workload("[{\"verb\": \"mkdir\", \"args\": [\"e\", \"\"]}]");

    int exit = Main.run("enumerate", "--workload", file.toString(), "--mutant", "server-executes-partial",
        "--workers", "2", "--out", dir.resolve("out").toString());

    assertThat(exit).isEqualTo(1);
    assertThat(console.out()).contains("VIOLATION I1", "replay: ");
    // mkdir's k = n-1, after a close and after a black hole (whose removal ends the server's input)
    assertThat(lastLine()).matches("\\d+ cut points, 2 violating cases \\(I1 in 2\\), 0 skipped by stride, \\d+ not expressible");
  }

  @Test
  void badArgumentsAreOneLineAndExitTwo() throws IOException {
    Path file = workload("[{\"verb\": \"mkdir\", \"args\": [\"e\", \"\"]}]");
    assertThat(Main.run("enumerate", "--workload", file.toString(), "--case", file.toString())).isEqualTo(2);
    assertOneLineError("--workload and --case both name the requests");
  }

  @Test
  void aStrideOrCapBelowOneIsRefused() {
    assertThat(Main.run("enumerate", "--stride", "0")).isEqualTo(2);
    assertOneLineError("--stride must be at least 1 byte, was 0");
  }

  @Test
  void anUnknownVerbInAWorkloadNamesTheFileAndTheRequest() throws IOException {
    Path file = workload("[{\"verb\": \"has\", \"args\": [\"f0\"]}, {\"verb\": \"frobnicate\"}]");
    assertThat(Main.run("enumerate", "--workload", file.toString())).isEqualTo(2);
    assertOneLineError(file.toString(), "request 1: unknown verb 'frobnicate'");
  }

  @Test
  void aBodyWhereTheVerbTakesNoneIsRefused() throws IOException {
    Path file = workload("[{\"verb\": \"mkdir\", \"args\": [\"e\", \"\"], \"body\": 30}]");
    assertThat(Main.run("enumerate", "--workload", file.toString())).isEqualTo(2);
    assertOneLineError("request 0: mkdir takes no body");
  }

  @Test
  void anUnknownTargetOrMutantIsRefused() {
    assertThat(Main.run("enumerate", "--target", "nope")).isEqualTo(2);
    assertOneLineError("unknown target 'nope'");
  }

  @Test
  void theReportDirectoryTheToxiproxyAndTheBreezyAreCheckedBeforeTheFirstCase() throws IOException {
    Path file = Files.writeString(dir.resolve("regular"), "");
    assertThat(Main.run("enumerate", "--out", file.toString())).isEqualTo(2);
    assertRefusedBeforeAnyCase("--out " + file + " is not a directory the report can be written to");

    assertThat(Main.run("enumerate", "--toxiproxy", "http://127.0.0.1:1", "--out", dir.resolve("r").toString()))
        .isEqualTo(2);
    assertRefusedBeforeAnyCase("--toxiproxy: no Toxiproxy answers at http://127.0.0.1:1");

    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThat(Main.run("enumerate", "--target", "breezy-client", "--breezy", empty.toString(),
        "--out", dir.resolve("r").toString())).isEqualTo(2);
    assertRefusedBeforeAnyCase("--breezy: " + empty + ": holds no breezy package");
    assertThat(dir.resolve("r/cases")).isEmptyDirectory();
  }

  /** A failure once the run has begun is the harness's, exit 3, not a bad argument. */
  @Test
  void aTargetThatCannotStartIsAHarnessFailure() {
    int exit = Main.run("enumerate", "--target", "server-command", "--server-command",
        "sh -c 'exit 1' {host} {port} {dir}", "--out", dir.resolve("r").toString());

    assertThat(exit).isEqualTo(3);
    assertThat(console.err()).startsWith("cutpoint enumerate: the harness failed: ");
    assertThat(console.out()).contains("enumerate: target server-command");
  }

  private void assertRefusedBeforeAnyCase(String... containing) {
    assertOneLineError(containing);
    assertThat(console.out()).doesNotContain("enumerate: target");
    console.clear();
  }
}
