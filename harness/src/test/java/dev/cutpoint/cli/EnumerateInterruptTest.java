package dev.cutpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.report.MatrixReport;
import dev.cutpoint.report.ReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on an enumeration, as on a matrix run: a real process sent SIGINT once some cut points are
 * done exits 130, writes the finished ones as a report marked "interrupted after k of n cut points"
 * (matrix.json, cutpoints.json, a case file each), says where it is, and does not report the cases
 * the Ctrl-C tore down as harness errors.
 */
class EnumerateInterruptTest {

  @TempDir Path dir;

  @Test
  void ctrlCKeepsTheFinishedCutPointsAsAReport() throws Exception {
    Path out = dir.resolve("report");
    CtrlC.Interrupted run = CtrlC.interrupt(CtrlC.SOME_DONE,
        List.of("enumerate", "--max-cases", "3000", "--seed", "11", "--out", out.toString()));
    String text = run.printed();
    assertThat(run.exit()).as(text).isEqualTo(130);

    MatrixReport report = ReportWriter.read(out.resolve("matrix.json"));
    assertThat(report.cases()).as(text).isNotEmpty();
    Matcher ended = Pattern.compile("interrupted after (\\d+) of (\\d+) cut points")
        .matcher(report.run().ending().orElseThrow());
    assertThat(ended.matches()).isTrue();
    assertThat(Long.parseLong(ended.group(1))).isEqualTo(report.cases().size());
    assertThat(Long.parseLong(ended.group(2))).isGreaterThan(report.cases().size());
    assertThat(out.resolve("cutpoints.json")).exists();
    try (Stream<Path> files = Files.list(out.resolve("cases"))) {
      assertThat(files.count()).isEqualTo(report.cases().size());
    }
    assertThat(text).contains("cutpoint: enumerate interrupted after " + report.cases().size() + " of ")
        .contains("report of the finished cases: " + out.resolve("index.html"))
        .doesNotContain("harness error");
  }
}
