package dev.cutpoint.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  private final String small = HtmlReport.render(SampleReports.small(), Optional.empty());

  @Test
  void hasAHeatMapPerTargetWithEachCellsCounts() {
    assertThat(small)
        .contains("<h2>Target <code>java</code></h2>")
        .contains("<th scope=\"colgroup\" colspan=\"2\" class=\"phase\">WRITE</th>")
        .contains("<th scope=\"row\">read</th>")
        .containsPattern("<td class=\"o-after-resend first\"><button type=\"button\" data-cell=\"java\\|read\\|WRITE\\|CLOSE\"[^>]*"
            + "title=\"read × WRITE/CLOSE on java: 0 first try, 2 after resend, 0 failed loudly, 0 undecided, 0 violation \\(2 of 2 planned\\); median 9 ms per case\\. Click to list the cases\\.\"[^>]*>"
            + "<span class=\"n\">2↻</span></button></td>")
        .containsPattern("<td class=\"o-violation first\"><button[^>]*data-cell=\"java\\|mutate\\|READ\\|CLOSE\"[^>]*>"
            + "<span class=\"n\">1✗</span><span class=\"n\">1!</span></button></td>")
        .contains("<td class=\"na\" title=\"mutate × READ/RESET on java — not applicable: reset_peer drops the first response chunk only\">")
        .containsPattern("<td class=\"empty\"><button[^>]*data-cell=\"java\\|read\\|WRITE\\|RESET\"[^>]*><span class=\"n\">—</span>");
  }

  @Test
  void marksACellShortOfItsPlannedTries() {
    String html = HtmlReport.render(SampleReports.realistic(20), Optional.empty());
    // the sample gives breezy-server's semi × BETWEEN cells 17 cases of 20
    assertThat(html).containsPattern("<td class=\"o-after-resend first short\"><button type=\"button\" "
        + "data-cell=\"breezy-server\\|semi\\|BETWEEN\\|CLOSE\"[^>]*title=\"[^\"]*\\(17 of 20 planned\\)");
    assertThat(html).containsPattern("<td class=\"o-after-resend first\"><button type=\"button\" "
        + "data-cell=\"java\\|semi\\|BETWEEN\\|CLOSE\"");
  }

  @Test
  void hasTheRunTheCoverageAndALegend() {
    assertThat(small)
        .contains("<p class=\"banner bad\" role=\"status\"><strong>1 violating case (I2 in 1)</strong>")
        .contains("<strong>Coverage</strong> 2 of 7 applicable cells covered (≥ 2 cases each); 2 with at least one case; 1 n/a")
        .contains("<dt>Seed</dt><dd>42</dd>")
        .contains("<dt>Breezy</dt><dd>3.3.2</dd>")
        .contains("<dt>Breezy&#39;s package</dt><dd>/usr/lib/python3/dist-packages/breezy</dd>")
        .contains("<dt>Workers</dt><dd>java 8</dd>")
        .contains("<dt>Toxiproxy</dt><dd>embedded 2.12.0-cutpoint</dd>")
        .contains("<dt>Skipped breezy-server</dt><dd>brz not on PATH</dd>")
        .contains("<span class=\"swatch o-violation\"></span>violation</li>")
        .contains("<span class=\"swatch na\"></span>n/a</li>");
  }

  @Test
  void showsEachViolationWithItsTimelineAndReplayCommand() {
    assertThat(small)
        .contains("<article class=\"finding new\" data-case=\"java-3\">")
        .contains("<h3><span class=\"inv\">I2</span> At most once <span class=\"tag new\">new</span></h3>")
        .contains("<p class=\"where\">case <code>java-3</code> · java · mutate × READ/CLOSE · seed 1004"
            + " · <strong class=\"reproduced\">reproduced 2/3</strong>")
        .contains("<li class=\"step request\">#1 append(&quot;a/log&quot;, &quot;&quot;) [24 B] · mutate</li>"
            + "<li class=\"step fault\">CLOSE in READ of #1: cut after response byte 0 of 19</li>"
            + "<li class=\"step attempt\">attempt 1 on conn 1: wrote 60 B, complete → failed on read: ConnectionLost(mayHaveExecuted=true)</li>"
            + "<li class=\"step resend\">resend on conn 2: resend everything (mutant)</li>"
            + "<li class=\"step attempt\">attempt 2 on conn 2: wrote 60 B, complete → oS(&quot;appended&quot;, &quot;48&quot;)</li>"
            + "<li class=\"step outcome\">call ended: after resend</li>"
            + "<li class=\"step violation\">I2 At most once (#1): append executed twice: journal entries 2 and 3</li>")
        .contains("<div class=\"replay\"><pre><code>./cutpoint replay "
            + "reports/target/fault-matrix/cases/java-3.json</code></pre><button type=\"button\" class=\"copy\">Copy</button></div>");
  }

  @Test
  void isSelfContained() {
    assertThat(small).doesNotContainPattern("(?i)(src|href)=\"(https?:)?//");
    assertThat(small).doesNotContain("<link").doesNotContain("@import");
    assertThat(small).contains("default-src 'none'");
  }

  @Test
  void theSecurityPolicyAllowsExactlyThePagesOwnStyleAndScript() throws Exception {
    Matcher policy = Pattern.compile("style-src '(sha256-[^']+)'; script-src '(sha256-[^']+)'").matcher(small);
    assertThat(policy.find()).isTrue();
    assertThat(policy.group(1)).isEqualTo(sha256(between(small, "<style>", "</style>")));
    assertThat(policy.group(2)).isEqualTo(sha256(between(small, "</script>\n<script>", "</script>\n</body>")));
  }

  @Test
  void casesAreDataNotElementsUntilACellIsOpened() {
    MatrixReport big = SampleReports.realistic(20);
    String html = HtmlReport.render(big, Optional.empty());
    // the script lists a cell's cases on click; the page itself holds them only as JSON
    assertThat(html).doesNotContain("class=\"caselist\"");
    for (CaseRecord c : List.of(big.cases().get(0), big.cases().get(big.cases().size() - 1))) {
      assertThat(html).contains("{\"id\":\"" + c.id() + "\",\"seed\":\"" + c.seed() + "\",\"cell\":\"" + c.cell().id() + "\"");
    }
  }

  @Test
  void rendersTheFirstViolationsAndLeavesTheRestToAButton() {
    MatrixReport report = SampleReports.small();
    List<CaseRecord> cases = new ArrayList<>(report.cases());
    CaseRecord violating = report.cases().get(3);
    for (int i = 0; i < HtmlReport.EAGER_FINDINGS + 5; i++) {
      cases.add(new CaseRecord("extra-" + i, i, "java", violating.requests(), violating.fault(),
          violating.calls(), violating.outcome(), violating.verdict(), violating.replay(),
          violating.durationMillis()));
    }
    MatrixReport many = MatrixReport.tally(report.run(), report.axes(),
        java.util.Map.of(new CellKey("java", "mutate", "READ", "RESET"), "n/a"), cases, List.of());
    String html = HtmlReport.render(many, Optional.empty());
    assertThat(html.split("<article class=\"finding", -1)).hasSize(HtmlReport.EAGER_FINDINGS + 1);
    assertThat(html).contains("<button type=\"button\" id=\"more-findings\" data-shown=\"200\">Show the other 6 violations</button>");
  }

  @Test
  void noTextFromTheReportBecomesMarkup() {
    String html = HtmlReport.render(SampleReports.hostile(), Optional.empty());
    String markup = html.substring(0, html.indexOf("<script type=\"application/json\""));
    for (String tag : List.of("<b ", "<img", "<svg", "<iframe", "<u ", "<em ", "<i>", "<x>")) {
      assertThat(markup).as(tag).doesNotContain(tag);
    }
    assertThat(html.split("<script", -1)).as("the data block and the page's script, nothing else").hasSize(3);
    assertThat(markup)
        .contains("&lt;svg id=pwned-svg onload=&quot;document.documentElement.dataset.pwned=&#39;2&#39;&quot;&gt;")
        .contains("data-cell=\"t&quot;&gt;&lt;b id=&quot;pwned-target&quot;&gt;|read&lt;img src=x id=pwned-img&gt;|WRITE|CLOSE\"")
        .contains("replay &#39;cases/it&#39;\\&#39;&#39;s $(touch pwned).json&#39;");
    String data = between(html, "<script type=\"application/json\" id=\"cutpoint-data\">", "</script>");
    assertThat(data).doesNotContain("<").doesNotContain(">").doesNotContain("&");
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start) + start.length();
    return text.substring(from, text.indexOf(end, from));
  }

  private static String sha256(String text) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    return "sha256-" + Base64.getEncoder().encodeToString(digest);
  }
}
