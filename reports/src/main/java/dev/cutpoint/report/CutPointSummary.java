package dev.cutpoint.report;

import dev.cutpoint.report.CutPointMap.Cause;
import dev.cutpoint.report.CutPointMap.Mark;
import dev.cutpoint.report.CutPointMap.SkippedRange;
import dev.cutpoint.report.CutPointMap.Strip;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The enumeration's part of {@code summary.md}: per request of the workload, per phase and kind,
 * how many cut points ran and how they ended, how many the stride or {@code --max-cases} skipped,
 * and how many the target cannot express, with the reasons listed once below the table.
 */
public final class CutPointSummary {

  private CutPointSummary() {}

  /** One row of the table: a strip, a phase, a kind. */
  private record Row(String strip, String phase, String kind) {}

  public static String render(CutPointMap map, MatrixReport report) {
    map.requireCasesIn(report);
    Map<String, Outcome> outcomes = new HashMap<>();
    report.cases().forEach(c -> outcomes.put(c.id(), c.outcome()));
    Map<String, Strip> strips = new LinkedHashMap<>();
    map.strips().forEach(s -> strips.put(s.id(), s));
    Map<Row, OutcomeCounts> ran = new LinkedHashMap<>();
    Map<Row, long[]> skipped = new LinkedHashMap<>();
    // rows in the workload's order: each strip, then phase and kind as they come
    for (Strip strip : map.strips()) {
      for (Mark mark : map.marks()) {
        if (mark.strip().equals(strip.id())) {
          Row row = new Row(strip.id(), mark.phase(), mark.kind());
          ran.merge(row, OutcomeCounts.NONE.plus(outcomes.get(mark.caseId())), OutcomeCounts::plus);
          skipped.computeIfAbsent(row, r -> new long[2]);
        }
      }
      for (SkippedRange range : map.skipped()) {
        if (range.strip().equals(strip.id())) {
          Row row = new Row(strip.id(), range.phase(), range.kind());
          ran.putIfAbsent(row, OutcomeCounts.NONE);
          skipped.computeIfAbsent(row, r -> new long[2])[range.cause() == Cause.NOT_EXPRESSIBLE ? 1 : 0] += range.count();
        }
      }
    }
    StringBuilder md = new StringBuilder("## Every cut point on ").append(Markdown.code(map.target())).append("\n\n");
    long stride = map.skipped(Cause.STRIDE) + map.skipped(Cause.MAX_CASES);
    md.append(map.marks().size()).append(" cut points ran, one case each; ").append(stride)
        .append(" skipped by stride (").append(map.stride()).append(" B inside a body part longer than that");
    if (map.skipped(Cause.MAX_CASES) > 0) {
      md.append("; ").append(map.skipped(Cause.MAX_CASES)).append(" of them to stay under --max-cases ")
          .append(map.maxCases().orElseThrow()).append(", evenly");
    }
    md.append("); ").append(map.skipped(Cause.NOT_EXPRESSIBLE)).append(" not expressible on this target.\n\n");
    for (CutPointMap.OmittedRequest omitted : map.omitted()) {
      md.append("- request ").append(omitted.requestIndex()).append(' ').append(Markdown.code(omitted.verb()))
          .append(" left out: ").append(Markdown.text(omitted.reason())).append('\n');
    }
    if (!map.omitted().isEmpty()) {
      md.append('\n');
    }
    md.append("| request | bytes | phase | kind | ran | outcomes | skipped by stride | not expressible |\n")
        .append("|---|---|---|---|---:|---|---:|---:|\n");
    ran.forEach((row, counts) -> {
      Strip strip = strips.get(row.strip());
      long[] skip = skipped.get(row);
      md.append("| ").append(strip.requestIndex()).append(' ').append(Markdown.code(strip.verb())).append(" | ")
          .append(switch (strip.side()) {
            case REQUEST -> "request, n = " + strip.length();
            case RESPONSE -> "response, m = " + strip.length();
            case GAP -> "gap before it";
          })
          .append(" | ").append(row.phase()).append(" | ").append(row.kind()).append(" | ").append(counts.total())
          .append(" | ").append(counts.total() == 0 ? "—" : counts.compact()).append(" | ").append(skip[0])
          .append(" | ").append(skip[1]).append(" |\n");
    });
    Set<String> reasons = new LinkedHashSet<>();
    for (SkippedRange range : map.skipped()) {
      if (range.cause() == Cause.NOT_EXPRESSIBLE) {
        reasons.add(range.phase() + " × " + range.kind() + ": " + range.reason());
      }
    }
    if (!reasons.isEmpty()) {
      md.append("\nNot expressible, and why:\n\n");
      reasons.forEach(r -> md.append("- ").append(Markdown.text(r)).append('\n'));
    }
    return md.append('\n').toString();
  }
}
