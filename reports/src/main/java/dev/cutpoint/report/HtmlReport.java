package dev.cutpoint.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code index.html}: one self-contained page (inline CSS and script, no network). Per target a
 * heat map; a click on a cell lists its cases, rendered by the script from a JSON block; every
 * violation with its timeline and replay command; what changed since a baseline; the run.
 *
 * <p>All text from the report is escaped here; the script only ever sets {@code textContent}. A
 * Content-Security-Policy allows the page's own style and script (by hash) and nothing else, so
 * even a missed escape could not run a script or reach the network.
 */
public final class HtmlReport {
  /** Violations rendered into the page up front; the rest come from the data on request. */
  static final int EAGER_FINDINGS = 200;

  private static final String CSS = resource("report.css");
  private static final String JS = resource("report.js");

  private final MatrixReport report;
  private final Optional<BaselineDiff> diff;
  private final List<Finding> findings;
  private final Map<CellKey, Integer> newViolationCases = new HashMap<>();
  private final Map<CellKey, Long> medianMillis;
  private final Map<CellKey, OutcomeCounts> persistent;
  private final ViolationCount count;
  private final Optional<PageSection> section;

  private HtmlReport(MatrixReport report, Optional<BaselineDiff> diff, Optional<PageSection> section) {
    this.report = report;
    this.diff = diff;
    this.section = section;
    this.findings = report.findings();
    this.medianMillis = report.medianMillis();
    this.persistent = report.persistentCounts();
    this.count = ViolationCount.of(findings);
    findings.stream()
        .filter(Finding::isNew)
        .map(f -> f.caseRecord())
        .distinct()
        .forEach(c -> newViolationCases.merge(c.cell(), 1, Integer::sum));
  }

  public static void write(MatrixReport report, Optional<BaselineDiff> diff, Writer out)
      throws IOException {
    write(report, diff, Optional.empty(), out);
  }

  /** The page with {@code section} (its markup and style) between the legend and the targets. */
  public static void write(MatrixReport report, Optional<BaselineDiff> diff, Optional<PageSection> section, Writer out)
      throws IOException {
    new HtmlReport(report, diff, section).page(out);
  }

  public static String render(MatrixReport report, Optional<BaselineDiff> diff) {
    StringWriter out = new StringWriter();
    try {
      write(report, diff, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private void page(Writer out) throws IOException {
    Run run = report.run();
    long fresh = count.fresh();
    String css = CSS + section.map(PageSection::css).orElse("");
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
        .append("style-src '").append(sha256(css)).append("'; script-src '").append(sha256(JS))
        .append("'; img-src data:; base-uri 'none'; form-action 'none'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>cutpoint fault matrix · ").append(fresh == 0 ? "no new violating case" : plural(fresh, "new violating case"))
        .append(" · seed ").append(run.seed()).append("</title>\n")
        .append("<style>").append(css).append("</style>\n</head>\n<body>\n");
    header(html, fresh);
    legend(html);
    section.ifPresent(s -> s.render(html));
    for (int i = 0; i < run.targets().size(); i++) {
      target(html, i, run.targets().get(i));
    }
    violations(html);
    diff.ifPresent(d -> changes(html, d));
    html.append("<footer>").append(Html.text(MatrixReport.SCHEMA))
        .append(" · <code>matrix.json</code> and <code>summary.md</code> sit beside this page</footer>\n");
    html.append("<script type=\"application/json\" id=\"cutpoint-data\">");
    out.write(html.toString());
    MatrixJson.writeForHtml(PageData.of(report, findings), out);
    out.write("</script>\n<script>" + JS + "</script>\n</body>\n</html>\n");
    out.flush();
  }

  private void header(StringBuilder html, long fresh) {
    Run run = report.run();
    html.append("<header>\n<h1>cutpoint fault matrix</h1>\n");
    run.ending().ifPresent(how -> html.append("<p class=\"banner bad ended\" role=\"alert\"><strong>Ended early: ")
        .append(Html.text(how)).append("</strong> · this report holds only the cases that finished</p>\n"));
    html.append("<p class=\"banner ").append(fresh > 0 ? "bad" : "good").append("\" role=\"status\"><strong>")
        .append(Html.text(count.describe())).append("</strong>");
    html.append(" · ").append(Text.count(report.cases().size())).append(" cases on ")
        .append(plural(run.targets().size(), "target")).append("</p>\n");
    Coverage coverage = report.coverage();
    html.append("<p class=\"coverage\"><strong>Coverage</strong> ")
        .append(Html.text(coverage.describe(run.triesPerCell()))).append("</p>\n");
    html.append("<dl class=\"meta\">\n");
    meta(html, "Seed", Long.toString(run.seed()));
    run.mutant().ifPresent(m -> meta(html, "Mutant", m));
    meta(html, "Tries per cell", Integer.toString(run.triesPerCell()));
    meta(html, "Toxiproxy", run.toxiproxy().line());
    meta(html, "Duration", Text.duration(run.duration()));
    meta(html, "Rate", Text.rate(report.cases().size(), run.duration()));
    if (!run.workers().isEmpty()) {
      meta(html, "Workers", Text.workers(run.workers()));
    }
    meta(html, "Started", run.startedAt().toString());
    meta(html, "Targets", String.join(", ", run.targets()));
    for (SkippedTarget skipped : run.skippedTargets()) {
      meta(html, "Skipped " + skipped.target(), skipped.reason());
    }
    meta(html, "Java", run.versions().java());
    meta(html, "cutpoint", run.versions().cutpoint());
    run.versions().breezy().ifPresent(v -> meta(html, "Breezy", v));
    run.versions().breezyPath().ifPresent(p -> meta(html, "Breezy's package", p));
    html.append("</dl>\n<nav aria-label=\"Sections\"><ul>");
    for (int i = 0; i < run.targets().size(); i++) {
      html.append("<li><a href=\"#target-").append(i).append("\">").append(Html.text(run.targets().get(i)))
          .append("</a></li>");
    }
    html.append("<li><a href=\"#violations\">violating cases (").append(count.cases()).append(")</a></li>");
    if (diff.isPresent()) {
      html.append("<li><a href=\"#changes\">changes since the baseline</a></li>");
    }
    html.append("</ul></nav>\n</header>\n");
  }

  private static void meta(StringBuilder html, String term, String value) {
    html.append("<div><dt>").append(Html.text(term)).append("</dt><dd>").append(Html.text(value))
        .append("</dd></div>\n");
  }

  private static void legend(StringBuilder html) {
    html.append("<section class=\"legend\" aria-label=\"Legend\"><h2 class=\"visually-hidden\">Legend</h2><ul>");
    legendItem(html, "o-first-try", "first try", "every call succeeded on its first attempt");
    legendItem(html, "o-after-resend", "after resend", "the faulted call succeeded after one resend");
    legendItem(html, "o-failed-loudly", "failed loudly", "the call failed with a typed error, as it must");
    legendItem(html, "o-undecided", "undecided", "the oracle could not decide");
    legendItem(html, "o-violation", "violation", "an invariant was broken");
    legendItem(html, "o-violation-expected", "expected violation", "only reviewed, known findings");
    legendItem(html, "na", "n/a", "the cell cannot be expressed honestly; hover for why");
    legendItem(html, "o-after-resend embedded-only", "embedded only",
        "cut by an extension toxic only the embedded proxy has: a real Toxiproxy cuts there only at the start, or not at all");
    legendItem(html, "empty", "no case", "applicable, but no case ran");
    legendItem(html, "o-after-resend short", "short", "fewer cases than the planned tries per cell");
    legendItem(html, "persistent", "p: persistent fault",
        "cases whose fault hits every connection of the call, counted apart from the tries");
    html.append("</ul><p>A cell is coloured by the worst outcome among its cases and shows the count of each: ")
        .append("<span class=\"mark\">✓</span> first try, <span class=\"mark\">↻</span> after resend, ")
        .append("<span class=\"mark\">✗</span> failed loudly, <span class=\"mark\">?</span> undecided, ")
        .append("<span class=\"mark\">!</span> violation. A dark corner marks a cell with fewer cases than planned, ")
        .append("a dotted frame a cell only the embedded proxy's extension toxics can cut so. ")
        .append("Click a cell to list its cases.</p>\n<p>After <span class=\"mark\">p:</span>, a cell counts its ")
        .append("persistent-fault cases apart from its tries: their fault hits every connection of the call (the ")
        .append("server stays away), so failing loudly after at most one resend is right for every verb class, a read ")
        .append("included.</p>\n<dl class=\"classes\">");
    for (String line : SummaryMarkdown.VERB_CLASSES) {
      String[] parts = line.split(": ", 2);
      html.append("<div><dt>").append(Html.text(parts[0].replace("`", ""))).append("</dt><dd>")
          .append(Html.text(parts[1])).append("</dd></div>");
    }
    html.append("</dl></section>\n");
  }

  private static void legendItem(StringBuilder html, String cssClass, String label, String meaning) {
    html.append("<li title=\"").append(Html.attr(meaning)).append("\"><span class=\"swatch ").append(cssClass)
        .append("\"></span>").append(Html.text(label)).append("</li>");
  }

  private void target(StringBuilder html, int index, String target) {
    Axes axes = report.axes();
    Map<CellKey, Cell> cells = new HashMap<>();
    report.cellsOf(target).forEach(cell -> cells.put(cell.key(), cell));
    Coverage coverage = report.coverageOf(target);
    long cases = report.cellsOf(target).stream().mapToLong(c -> c.counts().total()).sum();
    html.append("<section class=\"target\" id=\"target-").append(index).append("\">\n<h2>Target <code>")
        .append(Html.text(target)).append("</code></h2>\n<p class=\"sub\">")
        .append(Text.count(cases)).append(" cases · ")
        .append(Html.text(coverage.describe(report.run().triesPerCell()))).append("</p>\n");
    html.append("<div class=\"scroll\"><table class=\"heat\" data-target=\"").append(Html.attr(target))
        .append("\">\n<caption>Outcomes on <code>").append(Html.text(target))
        .append("</code>: rows are verb classes, columns are phase × fault kind</caption>\n<thead><tr>")
        .append("<th scope=\"col\" rowspan=\"2\" class=\"corner\">verb class</th>");
    for (String phase : axes.phases()) {
      html.append("<th scope=\"colgroup\" colspan=\"").append(axes.kinds().size()).append("\" class=\"phase\">")
          .append(Html.text(phase)).append("</th>");
    }
    html.append("</tr>\n<tr>");
    for (String phase : axes.phases()) {
      for (int k = 0; k < axes.kinds().size(); k++) {
        String kind = axes.kinds().get(k);
        html.append("<th scope=\"col\" class=\"kind").append(k == 0 ? " first" : "").append("\" title=\"")
            .append(Html.attr(phase + " / " + kind)).append("\">").append(Html.text(kind)).append("</th>");
      }
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (String verbClass : axes.verbClasses()) {
      html.append("<tr><th scope=\"row\">").append(Html.text(verbClass)).append("</th>");
      for (String phase : axes.phases()) {
        for (int k = 0; k < axes.kinds().size(); k++) {
          Cell cell = cells.get(new CellKey(target, verbClass, phase, axes.kinds().get(k)));
          cell(html, cell, index, k == 0);
        }
      }
      html.append("</tr>\n");
    }
    html.append("</tbody></table></div>\n<div class=\"cases\" id=\"cases-").append(index)
        .append("\" hidden aria-live=\"polite\"></div>\n</section>\n");
  }

  private void cell(StringBuilder html, Cell cell, int targetIndex, boolean firstOfPhase) {
    String where = cell.key().label() + " on " + cell.target();
    String first = firstOfPhase ? " first" : "";
    if (!cell.applicable()) {
      html.append("<td class=\"na").append(first).append("\" title=\"")
          .append(Html.attr(where + " — not applicable: " + cell.notApplicable().get()))
          .append("\"><span class=\"visually-hidden\">not applicable: ")
          .append(Html.text(cell.notApplicable().get())).append("</span><span aria-hidden=\"true\">n/a</span></td>");
      return;
    }
    OutcomeCounts persistentCounts = persistent.getOrDefault(cell.key(), OutcomeCounts.NONE);
    OutcomeCounts counts = cell.counts();
    OutcomeCounts generated = counts.minus(persistentCounts);
    int planned = report.run().triesPerCell();
    // a persistent fault's loud failure is right: it colours the cell only when nothing else is there
    OutcomeCounts colouring = generated.total() > 0 && persistentCounts.violation() == 0 ? generated : counts;
    String cssClass = colouring.worst().map(this::outcomeClass).orElse("empty");
    if (colouring.worst().equals(Optional.of(Outcome.VIOLATION))
        && newViolationCases.getOrDefault(cell.key(), 0) == 0) {
      cssClass = "o-violation-expected";
    }
    // an empty cell is short by definition and says so already
    String shortOf = generated.total() > 0 && generated.total() < planned ? " short" : "";
    String description = where + ": " + generated.spelledOut() + " (" + generated.total() + " of " + planned
        + " planned)" + (persistentCounts.total() > 0 ? "; persistent fault: " + persistentCounts.spelledOut() : "")
        + (cssClass.equals("o-violation-expected") ? "; every violation here is expected" : "")
        + (medianMillis.containsKey(cell.key()) ? "; median " + medianMillis.get(cell.key()) + " ms per case" : "")
        + (cell.embeddedOnly() ? "; cut by an extension toxic only the embedded proxy has" : "");
    String embeddedOnly = cell.embeddedOnly() ? " embedded-only" : "";
    html.append("<td class=\"").append(cssClass).append(first).append(shortOf).append(embeddedOnly).append("\">")
        .append("<button type=\"button\" data-cell=\"").append(Html.attr(cell.key().id()))
        .append("\" data-label=\"").append(Html.attr(where))
        .append("\" aria-controls=\"cases-").append(targetIndex)
        .append("\" aria-expanded=\"false\" title=\"").append(Html.attr(description + ". Click to list the cases."))
        .append("\" aria-label=\"").append(Html.attr(description)).append("\">");
    if (counts.total() == 0) {
      html.append("<span class=\"n\">—</span>");
    }
    for (Outcome outcome : Outcome.values()) {
      int n = generated.get(outcome);
      if (n > 0) {
        html.append("<span class=\"n\">").append(n).append(outcome.symbol()).append("</span>");
      }
    }
    if (persistentCounts.total() > 0) {
      html.append("<span class=\"n p\">p:").append(Html.text(persistentCounts.nonZero())).append("</span>");
    }
    html.append("</button></td>");
  }

  private String outcomeClass(Outcome outcome) {
    return "o-" + outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  private void violations(StringBuilder html) {
    html.append("<section id=\"violations\">\n<h2>Violations</h2>\n");
    if (findings.isEmpty()) {
      html.append("<p class=\"none\">None: every invariant held in every case.</p>\n</section>\n");
      return;
    }
    html.append("<p class=\"sub\">").append(Html.text(count.describe()))
        .append(". Each violation with its counterexample as a timeline and the command that replays it.</p>\n");
    // new findings first: they are the ones that fail the build
    List<Finding> ordered = new java.util.ArrayList<>(findings.stream().filter(Finding::isNew).toList());
    ordered.addAll(findings.stream().filter(f -> !f.isNew()).toList());
    html.append("<div id=\"findings\">\n");
    for (int i = 0; i < Math.min(EAGER_FINDINGS, ordered.size()); i++) {
      finding(html, ordered.get(i));
    }
    html.append("</div>\n");
    if (ordered.size() > EAGER_FINDINGS) {
      html.append("<p><button type=\"button\" id=\"more-findings\" data-shown=\"").append(EAGER_FINDINGS)
          .append("\">Show the other ").append(ordered.size() - EAGER_FINDINGS)
          .append(" violations</button></p>\n");
    }
    html.append("</section>\n");
  }

  private void finding(StringBuilder html, Finding finding) {
    CaseRecord c = finding.caseRecord();
    Violation violation = finding.violation();
    html.append("<article class=\"finding ").append(finding.isNew() ? "new" : "expected")
        .append("\" data-case=\"").append(Html.attr(c.id())).append("\">\n<h3><span class=\"inv\">")
        .append(violation.invariant()).append("</span> ").append(Html.text(violation.invariant().title()))
        .append(finding.isNew() ? " <span class=\"tag new\">new</span>" : " <span class=\"tag expected\">expected</span>")
        .append("</h3>\n<p class=\"where\">case <code>").append(Html.text(c.id())).append("</code> · ")
        .append(Html.text(c.target() + " · " + c.cell().label())).append(" · seed ").append(c.seed())
        .append(violation.confirmation().map(r -> " · <strong class=\"reproduced\">" + Html.text(r.describe())
            + "</strong>").orElse(""))
        .append(" · <a href=\"#case=").append(Html.attr(java.net.URLEncoder.encode(c.id(), StandardCharsets.UTF_8)))
        .append("\">show in the matrix</a></p>\n<p class=\"evidence\">")
        .append(Html.text(Timeline.violation(violation))).append("</p>\n");
    finding.expectedBy().ifPresent(e -> html.append("<p class=\"expected-by\">Expected by <code>")
        .append(Html.text(e.id())).append("</code>: ").append(Html.text(e.reason())).append("</p>\n"));
    timeline(html, Timeline.of(c));
    replay(html, c.replay());
    html.append("</article>\n");
  }

  static void timeline(StringBuilder html, List<TimelineStep> steps) {
    html.append("<ol class=\"timeline\">");
    for (TimelineStep step : steps) {
      html.append("<li class=\"step ").append(step.kind().tag()).append("\">").append(Html.text(step.text()))
          .append("</li>");
    }
    html.append("</ol>\n");
  }

  private static void replay(StringBuilder html, Replay replay) {
    html.append("<div class=\"replay\"><pre><code>").append(Html.text(replay.command()))
        .append("</code></pre><button type=\"button\" class=\"copy\">Copy</button></div>\n")
        .append("<p class=\"casefile\">case file <code>").append(Html.text(replay.caseFile())).append("</code></p>\n");
  }

  private void changes(StringBuilder html, BaselineDiff diff) {
    html.append("<section id=\"changes\">\n<h2>Changes since the baseline</h2>\n<p class=\"sub\">Baseline: seed ")
        .append(diff.baseline().seed()).append(", started ").append(Html.text(diff.baseline().startedAt().toString()))
        .append(", ").append(diff.baseline().triesPerCell()).append(" tries per cell. Violations are compared by ")
        .append("cell and invariant; a cell moved when ").append(Html.text(BaselineDiff.MOVED_RULE))
        .append(".</p>\n");
    html.append("<p class=\"vs\">").append(Html.text(diff.line())).append("</p>\n");
    List<String> mismatches = BaselineDiff.mismatches(diff.baseline(), report.run());
    if (!mismatches.isEmpty()) {
      html.append("<p class=\"mismatch\"><strong>Not like for like:</strong> ")
          .append(Html.text(String.join("; ", mismatches))).append("</p>\n");
    }
    if (diff.noChange()) {
      html.append("<p class=\"none\">No change.</p>\n</section>\n");
      return;
    }
    changeList(html, "New violations", "bad", diff.newViolations().stream().map(BaselineDiff.ViolationPattern::describe).toList());
    changeList(html, "Violations gone", "good", diff.goneViolations().stream().map(BaselineDiff.ViolationPattern::describe).toList());
    changeList(html, "Outcomes moved", "moved", diff.moved().stream().map(BaselineDiff.CellShift::describe).toList());
    changeList(html, "Newly covered cells", "good", diff.newlyCovered().stream().map(k -> k.target() + " · " + k.label()).toList());
    changeList(html, "Cells lost", "bad", diff.lost().stream().map(k -> k.target() + " · " + k.label()).toList());
    html.append("</section>\n");
  }

  private static void changeList(StringBuilder html, String title, String tone, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    html.append("<h3 class=\"change ").append(tone).append("\">").append(Html.text(title)).append(" <span class=\"count\">")
        .append(lines.size()).append("</span></h3>\n<ul class=\"changes\">");
    lines.forEach(line -> html.append("<li>").append(Html.text(line)).append("</li>"));
    html.append("</ul>\n");
  }

  private static String plural(long n, String noun) {
    return Text.count(n) + " " + noun + (n == 1 ? "" : "s");
  }

  private static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " beside " + HtmlReport.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
