package dev.cutpoint.report;

import dev.cutpoint.report.CutPointMap.Mark;
import dev.cutpoint.report.CutPointMap.Side;
import dev.cutpoint.report.CutPointMap.SkippedRange;
import dev.cutpoint.report.CutPointMap.Strip;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The enumeration's picture in {@code index.html}: per request of the workload, the gap before it,
 * its bytes and its response's bytes as strips, one row per fault kind, one mark per cut point in
 * the order of its byte offset, coloured by its case's outcome; a click opens the case in the
 * matrix below ({@code #case=ID}). Offsets the run skipped sit between the marks as one dotted
 * slot per run of them, its title saying how many and why; an offset another kind cut but this one
 * could not is a hatched slot with the reason.
 */
public final class CutPointStrips implements PageSection {

  private static final List<String> KINDS = List.of("CLOSE", "RESET", "BLACKHOLE");
  /** Offsets labelled on a strip's axis: every tenth slot. */
  private static final int TICK = 10;

  private final CutPointMap map;
  private final Map<String, CaseRecord> cases = new HashMap<>();
  private final Set<String> onlyExpected = new HashSet<>();

  public CutPointStrips(CutPointMap map, MatrixReport report) {
    map.requireCasesIn(report);
    this.map = map;
    report.cases().forEach(c -> cases.put(c.id(), c));
    Map<String, Boolean> anyNew = new HashMap<>();
    report.findings().forEach(f -> anyNew.merge(f.caseRecord().id(), f.isNew(), Boolean::logicalOr));
    anyNew.forEach((id, fresh) -> {
      if (!fresh) {
        onlyExpected.add(id);
      }
    });
  }

  @Override
  public void render(StringBuilder html) {
    html.append("<section class=\"cutpoints\" id=\"cutpoints\">\n<h2>Every cut point on <code>")
        .append(Html.text(map.target())).append("</code></h2>\n<p class=\"sub\">")
        .append(Text.count(map.marks().size())).append(" cut points ran, one case each; ")
        .append(Text.count(map.skipped(CutPointMap.Cause.STRIDE) + map.skipped(CutPointMap.Cause.MAX_CASES)))
        .append(" skipped by stride (").append(map.stride()).append(" B inside a body part longer than that")
        .append(map.maxCases().map(n -> "; at most " + n + " cases, evenly").orElse("")).append("); ")
        .append(Text.count(map.skipped(CutPointMap.Cause.NOT_EXPRESSIBLE)))
        .append(" not expressible on this target. Rows are fault kinds, marks run left to right by byte offset;")
        .append(" hover for the offset, click to open the case.</p>\n");
    for (CutPointMap.OmittedRequest omitted : map.omitted()) {
      html.append("<p class=\"cp-omitted\">request ").append(omitted.requestIndex()).append(" <code>")
          .append(Html.text(omitted.verb())).append("</code> left out: ").append(Html.text(omitted.reason()))
          .append("</p>\n");
    }
    Map<Integer, List<Strip>> byRequest = new LinkedHashMap<>();
    map.strips().forEach(s -> byRequest.computeIfAbsent(s.requestIndex(), i -> new ArrayList<>()).add(s));
    byRequest.forEach((index, strips) -> {
      Strip first = strips.get(0);
      html.append("<div class=\"cp-request\"><h3>request ").append(index).append(" · <code>")
          .append(Html.text(first.verb())).append("</code> · ").append(Html.text(first.verbClass())).append("</h3>\n");
      for (Strip strip : strips) {
        strip(html, strip);
      }
      html.append("</div>\n");
    });
    html.append("</section>\n");
  }

  private void strip(StringBuilder html, Strip strip) {
    List<Mark> marks = map.marks().stream().filter(m -> m.strip().equals(strip.id())).toList();
    List<SkippedRange> skipped = map.skipped().stream().filter(r -> r.strip().equals(strip.id())).toList();
    String title = switch (strip.side()) {
      case REQUEST -> "request bytes k, n = " + strip.length();
      case RESPONSE -> "response bytes j, m = " + strip.length();
      case GAP -> "before the request";
    };
    html.append("<div class=\"cp-strip\" data-strip=\"").append(Html.attr(strip.id())).append("\"><p class=\"cp-title\">")
        .append(Html.text(title)).append("</p><div class=\"cp-rows\">\n");
    if (strip.side() == Side.GAP) {
      html.append("<div class=\"cp-row\"><span class=\"cp-label\">BETWEEN</span>");
      marks.forEach(m -> mark(html, m, "BETWEEN by " + m.delivery().orElse("?")));
      skipped.forEach(r -> html.append("<span class=\"cp-na\" title=\"").append(Html.attr(r.phase() + " " + r.kind()
          + ": " + r.reason())).append("\"></span>"));
      html.append("</div>\n</div></div>\n");
      return;
    }
    TreeSet<Long> offsets = new TreeSet<>();
    marks.forEach(m -> offsets.add(m.offset()));
    List<Optional<Long>> slots = new ArrayList<>();
    Long previous = null;
    for (long offset : offsets) {
      if (previous != null && offset > previous + 1) {
        slots.add(Optional.empty());
      }
      slots.add(Optional.of(offset));
      previous = offset;
    }
    html.append("<div class=\"cp-row cp-axis\"><span class=\"cp-label\">").append(strip.side() == Side.REQUEST ? "k" : "j")
        .append("</span>");
    for (int i = 0; i < slots.size(); i += TICK) {
      html.append("<span class=\"cp-tick\">").append(slots.get(i).map(String::valueOf).orElse("…")).append("</span>");
    }
    html.append("</div>\n");
    for (String kind : KINDS) {
      Map<Long, Mark> row = new HashMap<>();
      marks.stream().filter(m -> m.kind().equals(kind)).forEach(m -> row.put(m.offset(), m));
      List<SkippedRange> rowSkips = skipped.stream().filter(r -> r.kind().equals(kind)).toList();
      if (row.isEmpty() && rowSkips.isEmpty()) {
        continue;
      }
      html.append("<div class=\"cp-row\"><span class=\"cp-label\">").append(kind).append("</span>");
      Long before = null;
      for (Optional<Long> slot : slots) {
        if (slot.isEmpty()) {
          long from = before == null ? 0 : before + 1;
          html.append("<span class=\"cp-gap\" title=\"").append(Html.attr(gapTitle(rowSkips, from))).append("\"></span>");
          continue;
        }
        long offset = slot.get();
        before = offset;
        Mark mark = row.get(offset);
        if (mark != null) {
          mark(html, mark, mark.phase() + " " + kind + " at " + (strip.side() == Side.REQUEST ? "k" : "j") + " = " + offset);
        } else {
          Optional<SkippedRange> why = rowSkips.stream().filter(r -> r.from() <= offset && offset <= r.to()).findFirst();
          html.append("<span class=\"").append(why.map(r -> r.cause() == CutPointMap.Cause.NOT_EXPRESSIBLE ? "cp-na" : "cp-gap")
              .orElse("cp-none")).append("\" title=\"").append(Html.attr(offset + ": " + why.map(r -> r.phase() + " "
              + kind + " " + describe(r)).orElse("no cut point"))).append("\"></span>");
        }
      }
      html.append("</div>\n");
    }
    html.append("</div></div>\n");
  }

  /** What the run skipped from {@code from} on until the next offset it cut, in this row. */
  private static String gapTitle(List<SkippedRange> rowSkips, long from) {
    List<String> parts = new ArrayList<>();
    for (SkippedRange r : rowSkips) {
      if (r.to() >= from && r.from() <= from) {
        parts.add(describe(r));
      }
    }
    return parts.isEmpty() ? "offsets from " + from + " not cut in this row" : String.join("; ", parts);
  }

  private static String describe(SkippedRange r) {
    String cause = switch (r.cause()) {
      case STRIDE -> "skipped by stride";
      case MAX_CASES -> "skipped to stay under --max-cases";
      case NOT_EXPRESSIBLE -> "not expressible";
    };
    return r.from() + ".." + r.to() + ": " + Text.count(r.count()) + " " + cause + " (" + r.reason() + ")";
  }

  private void mark(StringBuilder html, Mark mark, String where) {
    CaseRecord c = cases.get(mark.caseId());
    String css = c.outcome() == Outcome.VIOLATION && onlyExpected.contains(c.id())
        ? "o-violation-expected"
        : "o-" + c.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-');
    String text = where + ": " + c.outcome().label()
        + (c.verdict().violations().isEmpty() ? "" : " " + String.join(",", c.verdict().violations().stream()
            .map(v -> v.invariant().name()).distinct().toList()))
        + " — case " + c.id();
    html.append("<a class=\"cp-m ").append(css).append("\" href=\"#case=")
        .append(Html.attr(java.net.URLEncoder.encode(c.id(), java.nio.charset.StandardCharsets.UTF_8)))
        .append("\" title=\"").append(Html.attr(text)).append("\" aria-label=\"").append(Html.attr(text)).append("\"></a>");
  }

  @Override
  public String css() {
    return """
        .cutpoints .cp-request { margin: 0.8em 0 1.2em; }
        .cutpoints h3 { font-size: 1em; margin: 0.3em 0; }
        .cp-strip { margin: 0.2em 0 0.5em; }
        .cp-title { margin: 0; font-size: 12px; color: #555; }
        .cp-rows { overflow-x: auto; padding-bottom: 2px; }
        .cp-row { display: flex; align-items: center; gap: 1px; height: 15px; }
        .cp-label { flex: 0 0 6.5em; font-size: 11px; font-family: monospace; }
        .cp-m, .cp-na, .cp-gap, .cp-none { flex: 0 0 6px; height: 13px; display: inline-block; }
        .cp-m { border-radius: 1px; }
        .cp-m:hover, .cp-m:focus { outline: 2px solid #000; }
        .cp-na { background: repeating-linear-gradient(45deg, #ddd 0 2px, #fff 2px 4px); }
        .cp-gap { border-left: 2px dotted #888; flex-basis: 4px; }
        .cp-none { background: transparent; }
        .cp-axis { height: 13px; }
        .cp-tick { flex: 0 0 69px; font-size: 9px; color: #666; border-left: 1px solid #bbb; padding-left: 1px; overflow: hidden; }
        .cp-omitted { color: #8a4b00; }
        """;
  }
}
