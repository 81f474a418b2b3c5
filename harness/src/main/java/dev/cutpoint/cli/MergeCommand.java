package dev.cutpoint.cli;

import dev.cutpoint.drive.MatrixReports;
import dev.cutpoint.report.MatrixReport;
import dev.cutpoint.report.ReportWriter;
import dev.cutpoint.report.ShardMerge;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cutpoint merge DIR...}: the report of a run split with {@code matrix --shard I/N}, from
 * its shards' report directories: coverage, counts and violations as if one machine had run it, and
 * the shards' case files beside it, so that every replay command in it works.
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Join the reports of every shard of one run (matrix --shard I/N) into the run's report.",
      "Its last line is matrix's; exit 0 with no new violation and every cell covered, 1 otherwise."
    })
public final class MergeCommand implements Callable<Integer> {

  @Mixin CommandSupport support;

  @Parameters(paramLabel = "DIR", arity = "1..*", description = "The shards' report directories (each holds a matrix.json).")
  List<Path> shards = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports/target/fault-matrix",
      description = "Where the merged report goes (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--baseline", paramLabel = "OLD.json", description = "A matrix.json of an earlier run to compare the merged run with.")
  Path baseline;

  @Override
  public Integer call() {
    MatrixReport merged;
    try {
      CommandSupport.requireWritableDirectory("--out", out, MatrixReports.CASES);
      if (baseline != null) {
        CommandSupport.readReport("--baseline", baseline);
      }
      List<MatrixReport> reports = new ArrayList<>();
      for (Path dir : shards) {
        reports.add(CommandSupport.readReport("DIR", dir.resolve(ReportWriter.MATRIX_JSON)));
      }
      merged = ShardMerge.merge(reports);
    } catch (IllegalArgumentException e) {
      return support.fail(e.getMessage());
    }
    PrintWriter console = support.command.commandLine().getOut();
    try {
      Path cases = Files.createDirectories(out.resolve(MatrixReports.CASES));
      for (Path dir : shards) {
        copyCases(dir.resolve(MatrixReports.CASES), cases);
      }
      ReportWriter.Written written = ReportWriter.write(merged, out, Optional.ofNullable(baseline));
      console.println("report: " + written.html() + " (matrix.json, summary.md, case files in " + cases + ")");
      written.diff().ifPresent(diff -> console.println("vs baseline: " + diff.line()));
    } catch (IOException e) {
      PrintWriter err = support.command.commandLine().getErr();
      err.println("cutpoint merge: cannot write the report to " + out + ": " + e.getMessage());
      err.flush();
      return CommandSupport.HARNESS_FAILED;
    }
    var coverage = merged.coverage();
    console.println(merged.cases().size() + " cases, " + merged.violationCount().describe() + ", " + coverage.full()
        + "/" + coverage.applicable() + " cells covered");
    console.flush();
    boolean passed = merged.violationCount().fresh() == 0 && coverage.full() == coverage.applicable();
    return passed ? CommandSupport.PASSED : CommandSupport.VIOLATIONS;
  }

  private static void copyCases(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      return;
    }
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
