package dev.cutpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.drive.CaseFile;
import dev.cutpoint.drive.CaseResult;
import dev.cutpoint.drive.CaseRunner;
import dev.cutpoint.drive.CaseSpec;
import dev.cutpoint.drive.JavaTarget;
import dev.cutpoint.drive.MatrixCell;
import dev.cutpoint.drive.MatrixSettings;
import dev.cutpoint.drive.Mutant;
import dev.cutpoint.drive.RequestDraft;
import dev.cutpoint.drive.Target;
import dev.cutpoint.drive.TargetSettings;
import dev.cutpoint.drive.Targets;
import dev.cutpoint.history.Delivery;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.Phase;
import dev.cutpoint.report.ReportWriter;
import dev.cutpoint.verbs.VerbClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The matrix, replay and reproduce commands: their stories, exit codes and one-line errors. */
class DriveCommandsTest {

  @TempDir Path dir;

  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();

  private String out() {
    return console.out();
  }

  private void assertOneLineError(String... containing) {
    String text = console.err();
    assertThat(text).startsWith("cutpoint: ").contains(containing).endsWith("\n");
    assertThat(text.strip()).doesNotContain("\n");
  }

  @Test
  void reproduceTellsTheFixedStoryAndExitsZero() {
    assertThat(Main.run("reproduce", "bug-819604")).isEqualTo(0);
    assertThat(out()).contains("restart: the server restarts between requests")
        .contains("attempt 1 on connection 1 (kept from the previous call)")
        .contains("failed on read")
        .contains("reconnect and resend")
        .contains("attempt 2 on connection 2 (new)")
        .contains("bug 819604 fixed");
  }

  @Test
  void reproduceWithoutRetryShowsTheBugAndExitsOne() {
    assertThat(Main.run("reproduce", "bug-819604", "--target", "java", "--no-retry")).isEqualTo(1);
    assertThat(out()).contains("no resend (no_retry)").contains("ConnectionLost").contains("bug 819604 reproduced");
  }

  @Test
  void reproduceRefusesUnknownScenariosAndTargets() {
    assertThat(Main.run("reproduce", "bug-1")).isEqualTo(2);
    assertOneLineError("unknown scenario 'bug-1'", "accepted: bug-819604");
    console.clear();
    assertThat(Main.run("reproduce", "bug-819604", "--target", "breezy-x")).isEqualTo(2);
    assertOneLineError("unknown target 'breezy-x'", "accepted: java");
  }

  @Test
  void matrixRefusesBadArgumentsNamingTheAcceptedValues() {
    assertThat(Main.run("matrix", "--tries", "0")).isEqualTo(2);
    assertOneLineError("--tries must be at least 1");
    console.clear();
    assertThat(Main.run("matrix", "--mutant", "resend-some")).isEqualTo(2);
    assertOneLineError("--mutant", "accepted: none, resend-all, resend-none, resend-started-stream, resend-forever,"
        + " no-timeout, server-executes-partial");
    console.clear();
    assertThat(Main.run("matrix", "--target", "python")).isEqualTo(2);
    assertOneLineError("unknown target 'python'", "accepted: java, breezy-server, breezy-client, breezy, server-command, client-command, all");
    console.clear();
    assertThat(Main.run("matrix", "--tries", "many")).isEqualTo(2);
    assertOneLineError("many");
    console.clear();
    assertThat(Main.run("matrix", "--baseline", dir.resolve("none.json").toString())).isEqualTo(2);
    assertOneLineError("--baseline", "is not a file");
    console.clear();
    assertThat(Main.run("matrix", "--confirm", "-1")).isEqualTo(2);
    assertOneLineError("--confirm must be between 0 and 100, was -1");
    console.clear();
    assertThat(Main.run("matrix", "--server-command", "my-server --port 4155")).isEqualTo(2);
    assertOneLineError("--server-command", "must contain {port}");
    console.clear();
    assertThat(Main.run("matrix", "--target", "server-command")).isEqualTo(2);
    assertOneLineError("--target", "needs a server command");
    console.clear();
    assertThat(Main.run("matrix", "--target", "client-command")).isEqualTo(2);
    assertOneLineError("--target", "needs a client command");
  }

  /** --breezy PATH without a breezy package of its own: one line and exit 2, before any case or report. */
  @Test
  void aBreezyPathWithoutBreezyStopsTheRunBeforeAnyCase() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Path report = dir.resolve("report");

    assertThat(Main.run("matrix", "--target", "breezy-client", "--breezy", empty.toString(),
        "--out", report.toString())).isEqualTo(2);

    assertOneLineError("cutpoint: matrix: --breezy: " + empty + ": holds no breezy package");
    assertThat(out()).isEmpty();
    assertThat(report).doesNotExist();
  }

  @Test
  void reproduceRefusesABreezyPathWithoutBreezy() throws Exception {
    Path missing = dir.resolve("missing");

    assertThat(Main.run("reproduce", "bug-819604", "--target", "breezy", "--breezy", missing.toString())).isEqualTo(2);

    assertOneLineError("cutpoint: reproduce: --breezy: " + missing + ": not a directory");
  }

  @Test
  void aServerCommandAloneRunsTheServerCommandTarget() {
    MatrixSettings settings = matrixSettings("--server-command", "srv --port={port} --root={dir}");
    assertThat(settings.targets()).containsExactly("server-command");
    assertThat(matrixSettings("--server-command", "srv --port={port} --root={dir}", "--target", "java,server-command")
        .targets()).containsExactly("java", "server-command");
    assertThat(matrixSettings("--client-command", "python3 my_client.py").targets()).containsExactly("client-command");
    assertThat(matrixSettings("--client-command", "python3 my_client.py").targetSettings().clientCommand()).isPresent();
  }

  /** What {@code matrix} would run for these arguments. */
  private static MatrixSettings matrixSettings(String... args) {
    MatrixCommand command = new MatrixCommand();
    new CommandLine(command).parseArgs(args);
    return command.settings();
  }

  @Test
  void matrixChoosesWorkersPerTargetByMavensRuleAndReplaysThreeTimesUnlessTold() {
    MatrixSettings defaults = matrixSettings("--target", "all");
    assertThat(defaults.workers()).as("no number of its own: the shared rule decides").isEmpty();
    for (String target : Targets.NAMES) {
      assertThat(defaults.workers(target)).as(target).isEqualTo(MatrixSettings.defaultWorkers(target));
    }
    assertThat(defaults.workers("breezy-client")).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(defaults.confirm()).isEqualTo(3);
    MatrixSettings told = matrixSettings("--target", "java,breezy", "--workers", "5", "--confirm", "0");
    assertThat(told.workersLine()).isEqualTo("java 5, breezy 5");
    assertThat(told.confirm()).isZero();
  }

  @Test
  void matrixWritesTheReportAndEndsWithTheSummaryLine() throws Exception {
    Path report = dir.resolve("report");
    int exit = Main.run("matrix", "--tries", "1", "--seed", "21", "--workers", "2", "--out", report.toString());

    String[] lines = out().strip().split("\n");
    assertThat(lines[0]).endsWith(", workers java 2, 3 replay(s) of each new violation, Toxiproxy embedded 2.12.0-cutpoint, scheduling batch");
    assertThat(out()).containsPattern("target java through embedded [^\n]*: \\d+ cases on 2 worker\\(s\\)\n");
    assertThat(lines[lines.length - 1]).matches("\\d+ cases, 0 violating cases, 84/84 cells covered");
    assertThat(exit).isZero();
    assertThat(out()).contains("rate: ").contains("cases/s");
    assertThat(report.resolve("matrix.json")).isRegularFile();
    assertThat(report.resolve("summary.md")).isRegularFile();
    assertThat(report.resolve("index.html")).isRegularFile();
    var read = ReportWriter.read(report.resolve("matrix.json"));
    assertThat(read.run().seed()).isEqualTo(21);
    assertThat(read.run().workers()).containsExactly(java.util.Map.entry("java", 2));
    assertThat(read.cases()).allSatisfy(c -> assertThat(c.durationMillis()).isPresent());
    assertThat(Files.readString(report.resolve("summary.md"))).contains("Median wall time of a case, in ms");
    assertThat(read.coverage().full()).isEqualTo(84);
    try (var files = Files.list(report.resolve("cases"))) {
      assertThat(files.count()).isEqualTo(read.cases().size());
    }

    console.clear();
    String id = read.cases().get(0).id();
    assertThat(Main.run("replay", report.resolve("matrix.json").toString(), "--case", id)).isZero();
    assertThat(out()).contains("case " + id).contains("verdict: passed (as recorded)");
    assertThat(Main.run("replay", report.resolve("matrix.json").toString())).isEqualTo(2);
    assertOneLineError("name the case with --case ID");
  }

  @Test
  void replayRerunsACaseFileAndExitsOneWhenItViolates() throws Exception {
    CaseSpec spec = new CaseSpec("java-read-READ-CLOSE-0", 3,
        new MatrixCell(VerbClass.READ, Phase.READ, FaultKind.CLOSE),
        List.of(RequestDraft.plain("get", VerbClass.READ, "f0")), 0, 0.4, Delivery.SERVER_RESTART, false);
    CaseResult violating;
    try (Target target = JavaTarget.start(TargetSettings.defaults().withMutant(Mutant.RESEND_NONE))) {
      violating = CaseRunner.run(target, spec);
    }
    Path file = dir.resolve("case.json");
    CaseFile.of(violating, Mutant.RESEND_NONE).write(file);

    assertThat(Main.run("replay", file.toString())).isEqualTo(1);
    assertThat(out()).contains("mutant resend-none").contains("VIOLATION I3").contains("(as recorded)");
  }

  @Test
  void replayRefusesAMissingOrMalformedFile() throws Exception {
    assertThat(Main.run("replay", dir.resolve("missing.json").toString())).isEqualTo(2);
    assertOneLineError("missing.json", "no such file");
    console.clear();
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "[1, 2]");
    assertThat(Main.run("replay", bad.toString())).isEqualTo(2);
    assertOneLineError("bad.json", "is not a case file: no \"format\" field");
  }
}
