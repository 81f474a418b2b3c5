package dev.cutpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.report.CaseRecord;
import dev.cutpoint.report.Cell;
import dev.cutpoint.report.CellKey;
import dev.cutpoint.report.InvariantId;
import dev.cutpoint.report.MatrixJson;
import dev.cutpoint.report.MatrixReport;
import dev.cutpoint.report.Outcome;
import dev.cutpoint.report.ReportWriter;
import dev.cutpoint.report.Verdict;
import dev.cutpoint.report.Violation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A user's first hour with {@code matrix}: every argument checked before the first case, a report
 * written however the run ends, one count of violations, a baseline that gates, and the version and
 * exit codes on every command.
 */
class FirstHourTest {

  @TempDir Path dir;

  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();

  private void assertRefusedBeforeAnyCase(String... containing) {
    assertThat(console.err()).startsWith("cutpoint: matrix: ").contains(containing);
    assertThat(console.err().strip()).doesNotContain("\n");
    assertThat(console.out()).doesNotContain("target java");
    console.clear();
  }

  @Test
  void everyArgumentIsCheckedBeforeTheFirstCase() throws Exception {
    Path file = Files.writeString(dir.resolve("regular"), "");
    assertThat(Main.run("matrix", "--out", file.toString())).isEqualTo(2);
    assertRefusedBeforeAnyCase("--out " + file + " is not a directory the report can be written to");

    Path notJson = Files.writeString(dir.resolve("notjson.txt"), "notjson\n");
    assertThat(Main.run("matrix", "--baseline", notJson.toString(), "--out", dir.resolve("r").toString())).isEqualTo(2);
    assertRefusedBeforeAnyCase("--baseline " + notJson, "not JSON");

    assertThat(Main.run("matrix", "--toxiproxy", "http://127.0.0.1:1", "--out", dir.resolve("r").toString()))
        .isEqualTo(2);
    assertRefusedBeforeAnyCase("--toxiproxy: no Toxiproxy answers at http://127.0.0.1:1",
        "GET http://127.0.0.1:1/version failed with ConnectException");

    assertThat(Main.run("matrix", "--fail-on", "some")).isEqualTo(2);
    assertThat(console.err()).contains("'some' is not new or all");
  }

  @Test
  void replayChecksTheCaseAndTheToxiproxyBeforeRunning() throws Exception {
    Path report = dir.resolve("report");
    Files.createDirectories(report.resolve("cases"));
    Path matrix = Files.writeString(report.resolve("matrix.json"), "{}");
    assertThat(Main.run("replay", matrix.toString(), "--case", "java-read-WRITE-CLOSE-9")).isEqualTo(2);
    assertThat(console.err()).isEqualTo("cutpoint: replay: --case java-read-WRITE-CLOSE-9: no such case beside "
        + matrix + " (no cases/java-read-WRITE-CLOSE-9.json)\n");
    console.clear();
    Path first = dir.resolve("first");
    assertThat(Main.run("matrix", "--tries", "1", "--seed", "4", "--confirm", "0", "--out", first.toString())).isZero();
    Path caseFile;
    try (var files = Files.list(first.resolve("cases"))) {
      caseFile = files.findFirst().orElseThrow();
    }
    console.clear();
    assertThat(Main.run("replay", caseFile.toString(), "--toxiproxy", "http://127.0.0.1:1")).isEqualTo(2);
    assertThat(console.err()).startsWith("cutpoint: replay: --toxiproxy: no Toxiproxy answers at http://127.0.0.1:1");
    assertThat(console.out()).isEmpty();
  }

  @Test
  void everyCommandAnswersItsVersionAndListsTheExitCodes() {
    CommandLine cli = new CommandLine(new Main());
    CommandSupport.everywhere(cli);
    for (String name : cli.getSubcommands().keySet()) {
      if (name.equals("help")) {
        continue;
      }
      console.clear();
      assertThat(Main.run(name, "--version")).as(name).isZero();
      assertThat(console.out()).as(name + " --version").isEqualTo(CommandSupport.VERSION + "\n");
      console.clear();
      assertThat(Main.run(name, "--help")).as(name).isZero();
      assertThat(console.out()).as(name + " --help").contains("Exit codes:")
          .contains("0    passed").contains("1    violations").contains("2    bad arguments")
          .contains("3    the harness could not run").contains("130   interrupted");
    }
  }

  /** The java target's cases all ran, then the second target could not start: its report is kept. */
  @Test
  void aHarnessFailureAfterTheCasesStillWritesTheReportOfTheFinishedOnes() throws Exception {
    Path out = dir.resolve("late");
    int exit = Main.run("matrix", "--tries", "1", "--seed", "3", "--confirm", "0", "--target", "java,server-command",
        "--server-command", "sh -c 'exit 1' {host} {port} {dir}", "--out", out.toString());
    assertThat(exit).isEqualTo(3);
    MatrixReport report = ReportWriter.read(out.resolve("matrix.json"));
    assertThat(report.cases()).isNotEmpty();
    assertThat(report.run().ending()).hasValueSatisfying(how -> assertThat(how)
        .startsWith("the harness failed (").endsWith(" after " + report.cases().size() + " of " + report.cases().size()
            + " cases"));
    assertThat(Files.readString(out.resolve("summary.md"))).contains("- **Ended early:** the harness failed");
    assertThat(console.out()).contains("report of the finished cases: " + out.resolve("index.html"));
  }

  /**
   * One count everywhere, and {@code --fail-on new} lets through what the baseline already had and
   * fails on what it did not; {@code --fail-on all} (the default) fails on any violation.
   */
  @Test
  void theBaselineGatesBothWaysAndTheCountIsTheSameEverywhere() throws Exception {
    Path first = dir.resolve("first");
    assertThat(run(first)).as("any violation fails the run by default").isEqualTo(1);
    MatrixReport report = ReportWriter.read(first.resolve("matrix.json"));
    String count = report.violationCount().describe();
    assertThat(report.violationCount().cases()).isPositive();
    assertThat(lastLine()).isEqualTo(report.cases().size() + " cases, " + count + ", 84/84 cells covered");
    assertThat(Files.readString(first.resolve("summary.md"))).contains("- **Violations:** " + count);
    assertThat(Files.readString(first.resolve("index.html"))).contains("<strong>" + count + "</strong>");
    assertThat(Files.readString(first.resolve("matrix.json")))
        .contains("\"violatingCases\" : {\n    \"cases\" : " + report.violationCount().cases() + ",");

    // a baseline that broke every invariant in every cell: nothing this run breaks is new
    Path everything = baseline(report, "everything.json", c -> Arrays.stream(InvariantId.values())
        .map(i -> new Violation(i, Optional.of(0), "broken in the baseline")).toList());
    console.clear();
    assertThat(run(dir.resolve("second"), "--baseline", everything.toString(), "--fail-on", "new")).isZero();
    assertThat(console.out()).containsPattern("\nvs baseline: 0 new, \\d+ fixed, [1-9]\\d* unchanged");

    // a baseline that broke nothing: every violation is new
    Path nothing = baseline(report, "nothing.json", c -> List.of());
    console.clear();
    assertThat(run(dir.resolve("third"), "--baseline", nothing.toString(), "--fail-on", "new")).isEqualTo(1);
    assertThat(console.out()).containsPattern("\nvs baseline: [1-9]\\d* new, 0 fixed, 0 unchanged");
  }

  @Test
  void aBaselineOfAnotherMutantIsRefusedBeforeTheRun() throws Exception {
    Path first = dir.resolve("first");
    assertThat(Main.run("matrix", "--tries", "1", "--seed", "8", "--confirm", "0", "--out", first.toString()))
        .isZero();
    console.clear();
    assertThat(run(dir.resolve("second"), "--baseline", first.resolve("matrix.json").toString())).isEqualTo(2);
    assertRefusedBeforeAnyCase("--baseline ran mutant none, this run resend-all");
  }

  private int run(Path out, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("matrix", "--mutant", "resend-all", "--tries", "1",
        "--seed", "5", "--confirm", "0", "--no-minimize", "--out", out.toString()));
    args.addAll(List.of(more));
    return Main.run(args.toArray(String[]::new));
  }

  private String lastLine() {
    String[] lines = console.out().strip().split("\n");
    return lines[lines.length - 1];
  }

  /** The report's cases, each with the violations {@code violations} gives it, written as a baseline. */
  private Path baseline(MatrixReport report, String name, Function<CaseRecord, List<Violation>> violations)
      throws Exception {
    List<CaseRecord> cases = report.cases().stream().map(c -> {
      List<Violation> broken = violations.apply(c);
      return new CaseRecord(c.id(), c.seed(), c.target(), c.requests(), c.fault(), c.calls(),
          broken.isEmpty() ? Outcome.FAILED_LOUDLY : Outcome.VIOLATION,
          broken.isEmpty() ? Verdict.PASSED : new Verdict(broken), c.replay(), c.durationMillis());
    }).toList();
    Map<CellKey, String> notApplicable = new LinkedHashMap<>();
    for (Cell cell : report.cells()) {
      cell.notApplicable().ifPresent(reason -> notApplicable.put(cell.key(), reason));
    }
    MatrixReport changed = MatrixReport.tally(report.run(), report.axes(), notApplicable, cases, report.expectations());
    Path file = dir.resolve(name);
    MatrixJson.write(changed, file);
    return file;
  }
}
