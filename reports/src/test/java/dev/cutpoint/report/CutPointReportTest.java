package dev.cutpoint.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutpoint.report.CutPointMap.Cause;
import dev.cutpoint.report.CutPointMap.Mark;
import dev.cutpoint.report.CutPointMap.Range;
import dev.cutpoint.report.CutPointMap.Side;
import dev.cutpoint.report.CutPointMap.SkippedRange;
import dev.cutpoint.report.CutPointMap.Strip;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CutPointReportTest {

  /** The small report's cases as cut points: a get cut at k 3 and 10 of 40, an append and a put-then-append cut in their responses. */
  static CutPointMap sample() {
    return new CutPointMap(CutPointMap.SCHEMA, "java", 64, Optional.empty(),
        List.of(
            new Strip(Side.REQUEST, 0, "get", "read", 40, List.of()),
            new Strip(Side.RESPONSE, 0, "get", "read", 30, List.of()),
            new Strip(Side.REQUEST, 1, "append", "mutate", 60, List.of(new Range(30, 54))),
            new Strip(Side.RESPONSE, 1, "append", "mutate", 19, List.of())),
        List.of(
            new Mark("request-0", 3, "WRITE", "CLOSE", Optional.empty(), "java-1"),
            new Mark("request-0", 10, "WRITE", "CLOSE", Optional.empty(), "java-0"),
            new Mark("response-1", 2, "READ", "CLOSE", Optional.empty(), "java-2"),
            new Mark("response-1", 0, "READ", "CLOSE", Optional.empty(), "java-3")),
        List.of(
            new SkippedRange("request-0", "WRITE", "CLOSE", 4, 9, 6, Cause.STRIDE, "inside a body part"),
            new SkippedRange("request-0", "WRITE", "RESET", 1, 38, 38, Cause.NOT_EXPRESSIBLE,
                "exact only at offset 0: reset_peer <fires> on the first bytes")),
        List.of(new CutPointMap.OmittedRequest(2, "insert_stream", "stream", "no insert_stream")));
  }

  @Test
  void theSummaryCountsEachRequestPhaseAndKind() {
    String md = CutPointSummary.render(sample(), SampleReports.small());

    assertThat(md).contains("4 cut points ran, one case each; 6 skipped by stride (64 B inside a body part longer than that); 38 not expressible");
    assertThat(md).contains("| 0 `get` | request, n = 40 | WRITE | CLOSE | 2 | 0✓ 2↻ 0✗ 0! | 6 | 0 |");
    assertThat(md).contains("| 0 `get` | request, n = 40 | WRITE | RESET | 0 | — | 0 | 38 |");
    assertThat(md).contains("| 1 `append` | response, m = 19 | READ | CLOSE | 2 | 0✓ 0↻ 1✗ 1! | 0 | 0 |");
    assertThat(md).contains("WRITE × RESET: exact only at offset 0");
    assertThat(md).contains("request 2 `insert_stream` left out: no insert\\_stream");
  }

  @Test
  void thePageHasAStripPerRequestAndResponseAndEachMarkOpensItsCase() {
    MatrixReport report = SampleReports.small();
    StringBuilder html = new StringBuilder();
    new CutPointStrips(sample(), report).render(html);

    assertThat(html).contains("data-strip=\"request-0\"", "data-strip=\"response-0\"", "data-strip=\"request-1\"",
        "data-strip=\"response-1\"");
    assertThat(html).contains("<a class=\"cp-m o-after-resend\" href=\"#case=java-1\"");
    assertThat(html).contains("<a class=\"cp-m o-violation\" href=\"#case=java-3\"");
    // marks run by offset: k = 3 before k = 10, and the stride's skip between them is one dotted slot
    assertThat(html.indexOf("#case=java-1")).isLessThan(html.indexOf("#case=java-0"));
    assertThat(html).contains("cp-gap\" title=\"4..9: 6 skipped by stride");
    // text from the report is escaped
    assertThat(html).contains("reset_peer &lt;fires&gt;").doesNotContain("<fires>");
  }

  @Test
  void theWrittenPageAdmitsTheStripsStyleByItsHash(@TempDir Path dir) throws IOException {
    CutPointReportWriter.Written written = CutPointReportWriter.write(SampleReports.small(), sample(), dir);

    String page = Files.readString(written.html(), StandardCharsets.UTF_8);
    assertThat(page).contains("id=\"cutpoints\"", ".cp-row");
    String css = page.substring(page.indexOf("<style>") + 7, page.indexOf("</style>"));
    String digest = java.util.Base64.getEncoder().encodeToString(sha256(css));
    assertThat(page).contains("style-src 'sha256-" + digest + "'");
    assertThat(CutPointReportWriter.read(written.cutPoints())).isEqualTo(sample());
    assertThat(MatrixJson.read(written.matrixJson())).isEqualTo(SampleReports.small());
    assertThat(Files.readString(written.summary())).contains("## Every cut point on `java`");
  }

  @Test
  void aMarkWhoseCaseTheReportDoesNotHoldIsRefused() {
    CutPointMap map = sample();
    CutPointMap stray = new CutPointMap(map.schema(), map.target(), map.stride(), map.maxCases(), map.strips(),
        List.of(new Mark("request-0", 1, "WRITE", "CLOSE", Optional.empty(), "java-99")), map.skipped(), map.omitted());

    assertThatThrownBy(() -> CutPointSummary.render(stray, SampleReports.small()))
        .hasMessageContaining("names case java-99, which the report does not hold");
    assertThatThrownBy(() -> new CutPointMap(map.schema(), map.target(), map.stride(), map.maxCases(), map.strips(),
        List.of(new Mark("request-7", 1, "WRITE", "CLOSE", Optional.empty(), "java-0")), map.skipped(), map.omitted()))
        .hasMessageContaining("strip request-7, which does not exist");
  }

  private static byte[] sha256(String text) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
