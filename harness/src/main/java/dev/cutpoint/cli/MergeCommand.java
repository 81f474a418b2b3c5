package dev.cutpoint.cli;

import dev.cutpoint.drive.MatrixReports;
import dev.cutpoint.report.CutPointMap;
import dev.cutpoint.report.CutPointReportWriter;
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
 * {@code cutpoint merge DIR...}: the report of a run split with {@code matrix --shard I/N} (or
 * {@code enumerate --shard I/N}, whose strips of cut points it joins too), from
 * its shards' report directories: coverage, counts and violations as if one machine had run it, and
 * the shards' case files beside it, so that every replay command in it works.
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Join the reports of every shard of one run (matrix or enumerate --shard I/N) into the run's report.",
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
    Optional<CutPointMap> cutPoints;
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
      cutPoints = cutPoints();
    } catch (IllegalArgumentException e) {
      return support.fail(e.getMessage());
    }
    PrintWriter console = support.command.commandLine().getOut();
    try {
      Path cases = Files.createDirectories(out.resolve(MatrixReports.CASES));
      for (Path dir : shards) {
        copyCases(dir.resolve(MatrixReports.CASES), cases);
      }
      if (cutPoints.isPresent()) {
        CutPointReportWriter.Written written = CutPointReportWriter.write(merged, cutPoints.get(), out);
        console.println("report: " + written.html() + " (matrix.json, cutpoints.json, summary.md, case files in "
            + cases + ")");
      } else {
        ReportWriter.Written written = ReportWriter.write(merged, out, Optional.ofNullable(baseline));
        console.println("report: " + written.html() + " (matrix.json, summary.md, case files in " + cases + ")");
        written.diff().ifPresent(diff -> console.println("vs baseline: " + diff.line()));
      }
    } catch (IOException e) {
      PrintWriter err = support.command.commandLine().getErr();
      err.println("cutpoint merge: cannot write the report to " + out + ": " + e.getMessage());
      err.flush();
      return CommandSupport.HARNESS_FAILED;
    }
    var coverage = merged.coverage();
    if (cutPoints.isPresent()) {
      // an enumeration's cut points are its budget, not the matrix's cells
      console.println(merged.cases().size() + " cut points, " + merged.violationCount().describe());
    } else {
      console.println(merged.cases().size() + " cases, " + merged.violationCount().describe() + ", "
          + coverage.full() + "/" + coverage.applicable() + " cells covered");
    }
    console.flush();
    boolean passed = merged.violationCount().fresh() == 0
        && (cutPoints.isPresent() || coverage.full() == coverage.applicable());
    return passed ? CommandSupport.PASSED : CommandSupport.VIOLATIONS;
  }

  /**
   * The shards of an enumeration each hold the marks of their cut points on the same strips: the
   * merge has them all. Empty for the shards of a matrix run, which have no {@code cutpoints.json}.
   */
  private Optional<CutPointMap> cutPoints() {
    List<CutPointMap> maps = new ArrayList<>();
    for (Path dir : shards) {
      Path file = dir.resolve(CutPointReportWriter.CUTPOINTS_JSON);
      if (Files.isRegularFile(file)) {
        try {
          maps.add(CutPointReportWriter.read(file));
        } catch (IOException e) {
          throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
      }
    }
    if (maps.isEmpty()) {
      return Optional.empty();
    }
    if (maps.size() != shards.size()) {
      throw new IllegalArgumentException("some shards hold cutpoints.json and some do not: an enumeration's and a matrix's shards");
    }
    CutPointMap first = maps.get(0);
    List<CutPointMap.Mark> marks = new ArrayList<>();
    maps.forEach(map -> marks.addAll(map.marks()));
    return Optional.of(new CutPointMap(first.schema(), first.target(), first.stride(), first.maxCases(), first.strips(),
        marks, first.skipped(), first.omitted()));
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
