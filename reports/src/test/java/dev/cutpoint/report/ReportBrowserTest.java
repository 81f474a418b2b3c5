package dev.cutpoint.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page in a real browser (headless Chromium, from a file URL): the DOM after the page's script
 * ran. Chromium missing is a failure: this is the only test of the script.
 */
class ReportBrowserTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Set<String> PAGE_ELEMENTS = Set.of("html", "head", "meta", "title", "style",
      "body", "header", "h1", "h2", "h3", "p", "strong", "dl", "div", "dt", "dd", "nav", "ul", "li", "a",
      "section", "span", "table", "caption", "thead", "tbody", "tr", "th", "td", "button", "code",
      "article", "ol", "pre", "footer", "script", "details", "summary");
  private static Chromium chromium;

  @TempDir Path dir;

  @BeforeAll
  static void findChromium() {
    chromium = Chromium.installed();
  }

  private Path page(MatrixReport report) throws IOException {
    return ReportWriter.write(report, dir, Optional.empty()).html();
  }

  private static String fragment(String key, String value) {
    return key + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Test
  void theHeatMapAndTheViolationsAreThereOnceTheScriptRan() throws Exception {
    String dom = chromium.dumpDom(page(SampleReports.small()), "");
    assertThat(dom).contains("data-ready=\"true\"");
    assertThat(dom).containsPattern("data-cell=\"java\\|read\\|WRITE\\|CLOSE\"[^>]*><span class=\"n\">2↻</span>");
    assertThat(dom).containsPattern("data-cell=\"java\\|mutate\\|READ\\|CLOSE\"[^>]*><span class=\"n\">1✗</span><span class=\"n\">1!</span>");
    assertThat(dom).contains("<article class=\"finding new\" data-case=\"java-3\">");
    assertThat(dom).contains("I2 At most once (#1): append executed twice: journal entries 2 and 3");
    assertThat(dom).doesNotContain("class=\"caselist\"");
  }

  @Test
  void openingACellListsItsCases() throws Exception {
    String dom = chromium.dumpDom(page(SampleReports.small()), fragment("cell", "java|read|WRITE|CLOSE"));
    assertThat(dom).containsPattern("data-cell=\"java\\|read\\|WRITE\\|CLOSE\"[^>]*aria-expanded=\"true\"");
    assertThat(dom).contains("<span>read × WRITE/CLOSE on java</span><span class=\"sub\">2 cases</span>");
    assertThat(dom).contains("<li data-case=\"java-0\"><details><summary><span class=\"caseid\">java-0</span>"
        + "<span class=\"badge o-after-resend\">after resend</span>");
    assertThat(dom).contains("<li data-case=\"java-1\">");
    assertThat(dom).doesNotContain("data-case=\"java-2\"><details>");
  }

  @Test
  void openingACaseTellsItAsATimeline() throws Exception {
    String dom = chromium.dumpDom(page(SampleReports.small()), fragment("case", "java-3"));
    assertThat(dom).contains("<li data-case=\"java-3\"><details open=\"\">");
    int item = dom.indexOf("<li data-case=\"java-3\"><details open=\"\">");
    String opened = dom.substring(item, dom.indexOf("</details>", item));
    assertThat(opened)
        .contains("<span class=\"badge o-violation\">violation</span><span class=\"inv\" title=\"At most once · reproduced 2/3\">I2</span>")
        .contains("<li class=\"step fault\">CLOSE in READ of #1: cut after response byte 0 of 19</li>")
        .contains("<li class=\"step resend\">resend on conn 2: resend everything (mutant)</li>")
        .contains("<li class=\"step violation\">I2 At most once (#1): append executed twice: journal entries 2 and 3</li>")
        .contains("<pre><code>./cutpoint replay reports/target/fault-matrix/cases/java-3.json</code></pre>");
  }

  @Test
  void textFromTheReportStaysTextInTheBrowser() throws Exception {
    MatrixReport hostile = SampleReports.hostile();
    String dom = chromium.dumpDom(page(hostile), fragment("case", "case<1>"));
    // the case was rendered by the script, with the hostile argument and evidence in it
    assertThat(dom).contains("#0 get&lt;x&gt;(\"&lt;/script&gt;&lt;script&gt;document.documentElemen…\", \"line\\nbreak | `tick`\")");
    assertThat(dom).contains("I4 Loud failure (#0): &lt;svg id=pwned-svg onload=");
    // every element on the page is one the page makes: none was made from the report's text
    String tags = dom.replaceAll("=\"[^\"]*\"", "=\"\"");
    Set<String> elements = Pattern.compile("<([a-zA-Z][a-zA-Z0-9-]*)").matcher(tags).results()
        .map(m -> m.group(1).toLowerCase(Locale.ROOT))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(elements).isSubsetOf(PAGE_ELEMENTS).contains("details", "ol", "pre");
    assertThat(tags).doesNotContain("data-pwned");
  }

  @Test
  void aLargeRunLoadsAndListsAPageOfACellsCases() throws Exception {
    MatrixReport large = SampleReports.realistic(120);
    assertThat(large.cases()).hasSizeGreaterThan(20_000);
    Path page = page(large);
    String cell = large.cases().get(0).cell().id();
    long inCell = large.cases().stream().filter(c -> c.cell().id().equals(cell)).count();
    String dom = chromium.dumpDom(page, fragment("cell", cell));
    assertThat(dom.split("<li data-case=", -1)).hasSize(100 + 1);
    assertThat(dom).contains("Show 20 more of " + (inCell - 100));
  }

  /**
   * A 64-bit seed read from the page is the seed in matrix.json: the page's data carries it as text,
   * since a JavaScript number would round it (-4765631962123975222 became -4765631962123976000).
   */
  @Test
  void aSeedReadFromThePageIsTheSeedInTheJson() throws Exception {
    long seed = -4765631962123975222L;
    MatrixReport small = SampleReports.small();
    MatrixReport report = MatrixReport.tally(small.run(), small.axes(),
        java.util.Map.of(new CellKey("java", "mutate", "READ", "RESET"), "n/a"),
        small.cases().stream().map(c -> new CaseRecord(c.id(), c.id().equals("java-0") ? seed : c.seed(), c.target(),
            c.requests(), c.fault(), c.calls(), c.outcome(), c.verdict(), c.replay(), c.durationMillis())).toList(),
        small.expectations());
    Path html = page(report);
    String dom = chromium.dumpDom(html, fragment("case", "java-0"));
    int item = dom.indexOf("<li data-case=\"java-0\"><details open=\"\">");
    assertThat(item).isNotNegative();
    java.util.regex.Matcher shown = Pattern.compile("seed (-?\\d+)").matcher(dom.substring(item));
    assertThat(shown.find()).isTrue();
    String json = Files.readString(html.resolveSibling(ReportWriter.MATRIX_JSON));
    assertThat(json).contains("\"seed\" : " + shown.group(1) + ",");
    assertThat(shown.group(1)).isEqualTo(Long.toString(seed));
  }

  /** Not an assertion on looks, but the picture a person checks: target/screenshots/report.png. */
  @Test
  void takesAScreenshotOfARealisticReport() throws Exception {
    Path html = page(SampleReports.realistic(20));
    Files.createDirectories(SCREENSHOTS);
    Path png = SCREENSHOTS.resolve("report.png");
    Files.deleteIfExists(png);
    chromium.screenshot(html, "", png, 1400, 1000);
    assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
  }
}
