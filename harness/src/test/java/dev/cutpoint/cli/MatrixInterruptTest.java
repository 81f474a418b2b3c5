package dev.cutpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.report.MatrixReport;
import dev.cutpoint.report.ReportWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on a matrix run: a real process sent SIGINT once some cases are done exits 130, writes the
 * finished cases as a report marked "interrupted after k of n cases", and says where it is.
 */
class MatrixInterruptTest {

  @TempDir Path dir;

  private CtrlC.Interrupted interrupt(Pattern when, Path out, String tries) throws Exception {
    return CtrlC.interrupt(when, List.of("matrix", "--tries", tries, "--confirm", "0", "--seed", "11", "--out",
        out.toString()));
  }

  @Test
  void ctrlCKeepsTheFinishedCasesAsAReport() throws Exception {
    Path out = dir.resolve("report");
    CtrlC.Interrupted run = interrupt(CtrlC.SOME_DONE, out, "20");
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
    CtrlC.Interrupted run = interrupt(CtrlC.ALL_DONE, out, "10");
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
