package dev.cutpoint.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code summary.md}: the run, the coverage, the matrix of each target as a table, every violation. */
public final class SummaryMarkdown {
  static final String LEGEND = "Legend: `n✓` first try · `n↻` after resend · `n✗` failed loudly · "
      + "`n!` violation · `n?` undecided (shown when not 0) · n/a not applicable · — no case ran · "
      + "`p:` then the persistent-fault cases of the cell, counted apart from its tries: their fault hits "
      + "every connection of the call (the server stays away), so failing loudly after at most one resend is "
      + "right for every verb class, a read included · "
      + "⁺ cut by an extension toxic only the embedded proxy has (a real Toxiproxy cuts there only "
      + "at the start, or not at all)";
  /** Each row of the tables in a sentence: the retry classes of Breezy's request registry. */
  static final List<String> VERB_CLASSES = List.of(
      "`read`: no side effect (get, stat, list_dir…): resent after any lost connection.",
      "`idem`: the same effect when run twice (put): resent after any lost connection.",
      "`semi`: Breezy resends it though a second run may answer differently (a lock already held): resent, "
          + "and may then fail with the server's error.",
      "`semivfs`: a file-system change that fails when repeated (mkdir, delete, rename): resent only when "
          + "the server cannot have received it whole.",
      "`mutate`: not idempotent (append): resent only when the server cannot have received it whole.",
      "`stream`: a request body that is a stream of records and cannot be rewound: never resent once the "
          + "stream started.");

  private SummaryMarkdown() {}

  public static String render(MatrixReport report, Optional<BaselineDiff> diff) {
    StringBuilder md = new StringBuilder("# cutpoint fault matrix\n\n");
    Run run = report.run();
    List<Finding> findings = report.findings();
    run.ending().ifPresent(how -> md.append("- **Ended early:** ").append(Markdown.text(how))
        .append(": this report holds only the cases that finished\n"));
    md.append("- **Run:** ").append(Markdown.text(runLine(report))).append('\n');
    md.append("- **Coverage:** ").append(report.coverage().describe(run.triesPerCell())).append('\n');
    md.append("- **Targets:** ").append(Markdown.text(String.join(", ", run.targets())));
    for (SkippedTarget skipped : run.skippedTargets()) {
      md.append("; skipped ").append(Markdown.text(skipped.target()))
          .append(" (").append(Markdown.text(skipped.reason())).append(')');
    }
    md.append('\n');
    md.append("- **Versions:** ").append(Markdown.text(versions(run))).append('\n');
    md.append("- **Violations:** ").append(Markdown.text(report.violationCount().describe())).append("\n\n");
    md.append(LEGEND).append("\n\n");
    md.append("Verb classes (the rows):\n\n");
    VERB_CLASSES.forEach(line -> md.append("- ").append(line).append('\n'));
    md.append('\n');

    Map<CellKey, Long> medians = report.medianMillis();
    for (String target : run.targets()) {
      table(report, target, md);
      times(report, target, medians, md);
    }
    violations(findings, md);
    diff.ifPresentOrElse(d -> baseline(d, run, md), () -> md.append(
        "## Changes since the baseline\n\nNo baseline: this run was compared with no earlier one.\n\n"));
    return md.toString();
  }

  /**
   * {@code seed 42 · 20 tries per cell · Toxiproxy embedded 2.12.0 · 3m 12s · 4 812 cases · 25.1
   * cases/s · workers java 8, breezy 2}.
   */
  static String runLine(MatrixReport report) {
    Run run = report.run();
    return "seed " + run.seed() + " · " + run.triesPerCell() + " tries per cell · Toxiproxy "
        + run.toxiproxy().line() + " · "
        + Text.duration(run.duration()) + " · " + Text.count(report.cases().size()) + " cases · "
        + Text.rate(report.cases().size(), run.duration())
        + (run.workers().isEmpty() ? "" : " · workers " + Text.workers(run.workers()))
        + run.shard().map(s -> " · shard " + s + " of the run: its cells hold a part of their cases").orElse("");
  }

  static String versions(Run run) {
    return "Java " + run.versions().java() + " · cutpoint " + run.versions().cutpoint()
        + run.versions().breezyLine().map(v -> " · " + v).orElse("")
        + " · started " + run.startedAt();
  }

  private static void table(MatrixReport report, String target, StringBuilder md) {
    Axes axes = report.axes();
    Map<CellKey, Cell> cells = new LinkedHashMap<>();
    report.cellsOf(target).forEach(cell -> cells.put(cell.key(), cell));
    md.append("## Target ").append(Markdown.code(target)).append("\n\n| verb class |");
    for (String phase : axes.phases()) {
      for (String kind : axes.kinds()) {
        md.append(' ').append(Markdown.text(phase + "/" + kind)).append(" |");
      }
    }
    md.append("\n|---|");
    md.append("---|".repeat(axes.phases().size() * axes.kinds().size()));
    md.append('\n');
    Map<String, List<String>> reasons = new LinkedHashMap<>();
    for (String verbClass : axes.verbClasses()) {
      md.append("| ").append(Markdown.text(verbClass)).append(" |");
      for (String phase : axes.phases()) {
        for (String kind : axes.kinds()) {
          Cell cell = cells.get(new CellKey(target, verbClass, phase, kind));
          md.append(' ').append(cellText(report, cell)).append(" |");
          cell.notApplicable().ifPresent(reason ->
              reasons.computeIfAbsent(reason, r -> new ArrayList<>()).add(cell.key().label()));
        }
      }
      md.append('\n');
    }
    md.append('\n');
    if (!reasons.isEmpty()) {
      md.append("Not applicable:\n\n");
      reasons.forEach((reason, labels) -> md.append("- ").append(Markdown.text(reason)).append(": ")
          .append(Markdown.text(String.join(", ", labels))).append('\n'));
      md.append('\n');
    }
  }

  /**
   * The target's median case time per cell, as a second table in the same layout, so that a reader
   * sees which cells the run's time went to; left out when no case has a recorded time.
   */
  private static void times(MatrixReport report, String target, Map<CellKey, Long> medians, StringBuilder md) {
    if (report.cellsOf(target).stream().noneMatch(cell -> medians.containsKey(cell.key()))) {
      return;
    }
    Axes axes = report.axes();
    md.append("Median wall time of a case, in ms (dry run, faulted run, probe and verdict):\n\n| verb class |");
    for (String phase : axes.phases()) {
      for (String kind : axes.kinds()) {
        md.append(' ').append(Markdown.text(phase + "/" + kind)).append(" |");
      }
    }
    md.append("\n|---|");
    md.append("---:|".repeat(axes.phases().size() * axes.kinds().size()));
    md.append('\n');
    for (String verbClass : axes.verbClasses()) {
      md.append("| ").append(Markdown.text(verbClass)).append(" |");
      for (String phase : axes.phases()) {
        for (String kind : axes.kinds()) {
          CellKey key = new CellKey(target, verbClass, phase, kind);
          Optional<Cell> cell = report.cell(key);
          String text = cell.isPresent() && !cell.get().applicable() ? "n/a"
              : medians.containsKey(key) ? Long.toString(medians.get(key)) : "—";
          md.append(' ').append(text).append(" |");
        }
      }
      md.append('\n');
    }
    md.append('\n');
  }

  /** {@code 2✓ 0↻ 0✗ 0!}, then {@code · p: 2✗} for the cell's persistent-fault cases. */
  static String cellText(MatrixReport report, Cell cell) {
    if (!cell.applicable()) {
      return "n/a";
    }
    if (cell.counts().total() == 0) {
      return "—";
    }
    OutcomeCounts persistent = report.persistentCounts().getOrDefault(cell.key(), OutcomeCounts.NONE);
    OutcomeCounts generated = cell.counts().minus(persistent);
    String text = generated.total() == 0 ? "—" : generated.compact();
    String marked = text + (cell.embeddedOnly() ? " ⁺" : "");
    return persistent.total() == 0 ? marked : marked + " · p: " + persistent.nonZero();
  }

  private static void violations(List<Finding> findings, StringBuilder md) {
    md.append("## Violations\n\n");
    if (findings.isEmpty()) {
      md.append("None: every invariant held in every case.\n\n");
      return;
    }
    for (Finding finding : findings) {
      CaseRecord c = finding.caseRecord();
      md.append("### ").append(finding.isNew() ? "New: " : "Expected: ")
          .append(finding.violation().invariant()).append(' ')
          .append(Markdown.text(finding.violation().invariant().title())).append(" — ")
          .append(Markdown.code(c.id())).append(c.fault().persistent() ? " (persistent fault)" : "").append(" (")
          .append(Markdown.text(c.target() + " · " + c.cell().label())).append(")")
          .append(finding.violation().confirmation().map(r -> " — " + r.describe()).orElse("")).append("\n\n");
      md.append(Markdown.text(Timeline.violation(finding.violation()))).append("\n\n");
      finding.expectedBy().ifPresent(e -> md.append("Expected by ").append(Markdown.code(e.id()))
          .append(": ").append(Markdown.text(e.reason())).append("\n\n"));
      md.append(Markdown.block("text", Counterexample.summary(c)));
      md.append("\nReplay (case file ").append(Markdown.code(c.replay().caseFile())).append("):\n\n")
          .append(Markdown.block("sh", List.of(c.replay().command()))).append('\n');
    }
  }

  private static void baseline(BaselineDiff diff, Run run, StringBuilder md) {
    md.append("## Changes since the baseline\n\n");
    md.append("Baseline: seed ").append(diff.baseline().seed()).append(", started ")
        .append(diff.baseline().startedAt()).append(", ").append(diff.baseline().triesPerCell())
        .append(" tries per cell.\n\n");
    md.append(Markdown.text(diff.line())).append(".\n\n");
    List<String> mismatches = BaselineDiff.mismatches(diff.baseline(), run);
    if (!mismatches.isEmpty()) {
      md.append("**Not like for like:** ").append(Markdown.text(String.join("; ", mismatches))).append(".\n\n");
    }
    if (diff.noChange()) {
      md.append("No change.\n\n");
      return;
    }
    section(md, "New violations", diff.newViolations().stream().map(BaselineDiff.ViolationPattern::describe).toList());
    section(md, "Violations gone", diff.goneViolations().stream().map(BaselineDiff.ViolationPattern::describe).toList());
    section(md, "Outcomes moved (" + BaselineDiff.MOVED_RULE + ")",
        diff.moved().stream().map(BaselineDiff.CellShift::describe).toList());
    section(md, "Newly covered cells", diff.newlyCovered().stream().map(k -> k.target() + " · " + k.label()).toList());
    section(md, "Cells lost", diff.lost().stream().map(k -> k.target() + " · " + k.label()).toList());
  }

  private static void section(StringBuilder md, String title, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    md.append("### ").append(Markdown.text(title)).append(" (").append(lines.size()).append(")\n\n");
    lines.forEach(line -> md.append("- ").append(Markdown.text(line)).append('\n'));
    md.append('\n');
  }
}
