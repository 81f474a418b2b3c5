package dev.cutpoint.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One count of a run's violations, the same everywhere: violating cases with the invariants they
 * broke, whether a case broke one invariant or three. And the persistent-fault cases, counted
 * apart from the tries, and a report of a run that ended early, saying so.
 */
class ViolationCountTest {

  @TempDir Path dir;

  @Test
  void aCaseCountsOnceHoweverManyInvariantsItBroke() {
    ViolationCount count = ViolationCount.NONE
        .plus(List.of(InvariantId.I2, InvariantId.I4, InvariantId.I4), false)
        .plus(List.of(InvariantId.I4), false)
        .plus(List.of(InvariantId.I3), true);
    assertThat(count.cases()).isEqualTo(3);
    assertThat(count.fresh()).isEqualTo(2);
    assertThat(count.describe()).isEqualTo("3 violating cases (1 expected; I2 in 1, I3 in 1, I4 in 2)");
    assertThat(ViolationCount.NONE.describe()).isEqualTo("0 violating cases");
  }

  @Test
  void theSummaryThePageTheJsonAndTheConsoleSayTheSameCount() throws Exception {
    MatrixReport report = SampleReports.realistic(4);
    ViolationCount count = report.violationCount();
    ReportWriter.Written written = ReportWriter.write(report, dir, Optional.empty());

    assertThat(Files.readString(written.summary())).contains("- **Violations:** " + Markdown.text(count.describe()));
    assertThat(Files.readString(written.html())).contains("<strong>" + Html.text(count.describe()) + "</strong>");
    JsonNode json = new ObjectMapper().readTree(written.matrixJson().toFile()).path("violatingCases");
    assertThat(json.path("cases").asLong()).isEqualTo(count.cases());
    assertThat(json.path("expected").asLong()).isEqualTo(count.expected());
    assertThat(json.path("byInvariant").path("I2").asLong()).isEqualTo(count.byInvariant().get(InvariantId.I2));
    // what was written reads back, the count recomputed from the cases
    assertThat(ReportWriter.read(written.matrixJson()).violationCount()).isEqualTo(count);

    ByteArrayOutputStream console = new ByteArrayOutputStream();
    FailurePrinter.printNew(new PrintStream(console, true, StandardCharsets.UTF_8), report);
    assertThat(console.toString(StandardCharsets.UTF_8)).contains(count.expected() + " violating cases that");
  }

  @Test
  void persistentFaultCasesAreCountedApartAndExplained() throws Exception {
    MatrixReport small = SampleReports.small();
    List<CaseRecord> cases = new ArrayList<>(small.cases());
    CaseRecord read = cases.get(0);
    FaultRecord f = read.fault();
    cases.add(new CaseRecord("java-read-WRITE-CLOSE-p0", 77, read.target(), read.requests(),
        new FaultRecord(f.requestIndex(), f.phase(), f.offset(), f.outOf(), f.kind(), true), read.calls(),
        Outcome.FAILED_LOUDLY, Verdict.PASSED, read.replay(), read.durationMillis()));
    MatrixReport report = MatrixReport.tally(small.run(), small.axes(),
        Map.of(new CellKey("java", "mutate", "READ", "RESET"), "n/a"), cases, small.expectations());
    ReportWriter.Written written = ReportWriter.write(report, dir, Optional.empty());

    String md = Files.readString(written.summary());
    assertThat(md).contains("| read | 0✓ 2↻ 0✗ 0! · p: 1✗ |")
        .contains("1 persistent-fault case besides")
        .contains("`p:` then the persistent-fault cases of the cell")
        .contains("- `read`: no side effect");
    assertThat(report.coverage().describe(2)).isEqualTo(
        "2 of 7 applicable cells covered (≥ 2 cases each); 2 with at least one case; 1 n/a; 1 persistent-fault case besides");
    String html = Files.readString(written.html());
    assertThat(html).contains("<span class=\"n\">2↻</span><span class=\"n p\">p:1✗</span>")
        .contains("persistent fault: 0 first try, 0 after resend, 1 failed loudly");
    // the flag survives the JSON, and a report written before it existed (schema 2) knows it from the id
    assertThat(ReportWriter.read(written.matrixJson()).persistentCases()).isEqualTo(1);
    ObjectMapper json = new ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode tree =
        (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(written.matrixJson().toFile());
    tree.put("schema", MatrixReport.SCHEMA_2);
    tree.withArray("cells").forEach(c -> ((com.fasterxml.jackson.databind.node.ObjectNode) c).remove("embeddedOnly"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("run")).remove("shard");
    tree.withArray("cases").forEach(c -> ((com.fasterxml.jackson.databind.node.ObjectNode) c.path("fault")).remove("persistent"));
    String old = tree.toString();
    assertThat(old).doesNotContain("\"persistent\"");
    Path oldFile = dir.resolve("old.json");
    Files.writeString(oldFile, old);
    assertThat(MatrixJson.read(oldFile).persistentCases()).isEqualTo(1);
  }

  @Test
  void aReportOfARunThatEndedEarlySaysHow() throws Exception {
    MatrixReport ended = SampleReports.small().endedEarly("interrupted after 4 of 84 cases");
    ReportWriter.Written written = ReportWriter.write(ended, dir, Optional.empty());
    assertThat(Files.readString(written.summary()))
        .contains("- **Ended early:** interrupted after 4 of 84 cases: this report holds only the cases that finished");
    assertThat(Files.readString(written.html())).contains("Ended early: interrupted after 4 of 84 cases");
    assertThat(ReportWriter.read(written.matrixJson()).run().ending()).contains("interrupted after 4 of 84 cases");
  }
}
