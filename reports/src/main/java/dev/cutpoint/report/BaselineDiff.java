package dev.cutpoint.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What changed between a baseline run and this one. Seeds differ between runs, so violations are
 * compared by pattern, not by case: the cell and the invariant broken.
 *
 * @param baseline the baseline run's metadata, to say what was compared with
 * @param newViolations (cell, invariant) pairs broken now and not in the baseline
 * @param goneViolations pairs broken in the baseline and not now
 * @param unchangedViolations pairs broken in both
 * @param moved cells covered in both whose outcome distribution moved
 * @param newlyCovered cells with cases now and none in the baseline (absent, n/a or empty there)
 * @param lost cells with cases in the baseline and none now
 */
public record BaselineDiff(
    Run baseline,
    List<ViolationPattern> newViolations,
    List<ViolationPattern> goneViolations,
    List<ViolationPattern> unchangedViolations,
    List<CellShift> moved,
    List<CellKey> newlyCovered,
    List<CellKey> lost) {

  /** An outcome's share must move by this many percentage points for a cell to count as moved. */
  public static final double MOVED_POINTS = 10.0;
  /**
   * And its count must differ by this many cases from what the baseline's share predicts for this
   * run's cases in the cell: one case more or less in a cell of a few is chance, not a change.
   */
  public static final int MOVED_CASES = 3;
  /** The rule in words, as the report states it. */
  public static final String MOVED_RULE = "an outcome's share moved by " + (int) MOVED_POINTS
      + " points or more and its count by " + MOVED_CASES + " cases or more";

  public BaselineDiff {
    Checks.present("baseline", baseline);
    newViolations = Checks.list("newViolations", newViolations);
    goneViolations = Checks.list("goneViolations", goneViolations);
    unchangedViolations = Checks.list("unchangedViolations", unchangedViolations);
    moved = Checks.list("moved", moved);
    newlyCovered = Checks.list("newlyCovered", newlyCovered);
    lost = Checks.list("lost", lost);
  }

  /** A kind of violation: an invariant broken in a cell, with the cases that show it. */
  public record ViolationPattern(CellKey cell, InvariantId invariant, List<String> caseIds) {
    public ViolationPattern {
      Checks.present("cell", cell);
      Checks.present("invariant", invariant);
      caseIds = Checks.list("caseIds", caseIds);
    }

    /** {@code I2 At most once in java · mutate × FLUSH/CLOSE (3 cases: java-12, …)}. */
    public String describe() {
      String shown = String.join(", ", caseIds.subList(0, Math.min(3, caseIds.size())));
      return invariant + " " + invariant.title() + " in " + cell.target() + " · " + cell.label()
          + " (" + caseIds.size() + (caseIds.size() == 1 ? " case: " : " cases: ") + shown
          + (caseIds.size() > 3 ? ", …" : "") + ")";
    }
  }

  /** One outcome's share of a cell's cases, before and after, in percent. */
  public record Shift(Outcome outcome, double before, double after) {
    public double points() {
      return after - before;
    }

    /** {@code after resend 40% → 75% (+35 pts)}. */
    public String describe() {
      return String.format(Locale.ROOT, "%s %.0f%% → %.0f%% (%+.0f pts)",
          outcome.label(), before, after, points());
    }
  }

  /** A cell whose outcomes moved: the counts before and after and the shares that moved most. */
  public record CellShift(CellKey cell, OutcomeCounts before, OutcomeCounts after, List<Shift> shifts) {
    public CellShift {
      Checks.present("cell", cell);
      Checks.present("before", before);
      Checks.present("after", after);
      shifts = Checks.list("shifts", shifts);
    }

    /** {@code java · read × WRITE/CLOSE: after resend 40% → 75% (+35 pts); first try 60% → 25% (−35 pts)}. */
    public String describe() {
      List<String> parts = new ArrayList<>();
      shifts.forEach(shift -> parts.add(shift.describe()));
      return cell.target() + " · " + cell.label() + ": " + String.join("; ", parts)
          + " [" + before.compact() + " → " + after.compact() + "]";
    }
  }

  public static BaselineDiff between(MatrixReport baseline, MatrixReport current) {
    Map<PatternKey, ViolationPattern> before = patterns(baseline);
    Map<PatternKey, ViolationPattern> now = patterns(current);
    List<ViolationPattern> newViolations = new ArrayList<>();
    now.forEach((key, pattern) -> {
      if (!before.containsKey(key)) {
        newViolations.add(pattern);
      }
    });
    List<ViolationPattern> goneViolations = new ArrayList<>();
    before.forEach((key, pattern) -> {
      if (!now.containsKey(key)) {
        goneViolations.add(pattern);
      }
    });

    List<ViolationPattern> unchanged = new ArrayList<>();
    now.forEach((key, pattern) -> {
      if (before.containsKey(key)) {
        unchanged.add(pattern);
      }
    });

    List<CellShift> moved = new ArrayList<>();
    List<CellKey> newlyCovered = new ArrayList<>();
    for (Cell cell : current.cells()) {
      Optional<Cell> old = baseline.cell(cell.key()).filter(Cell::applicable);
      boolean coveredNow = cell.applicable() && cell.counts().total() > 0;
      boolean coveredBefore = old.isPresent() && old.get().counts().total() > 0;
      if (coveredNow && !coveredBefore) {
        newlyCovered.add(cell.key());
      } else if (coveredNow) {
        shift(cell.key(), old.get().counts(), cell.counts()).ifPresent(moved::add);
      }
    }
    List<CellKey> lost = new ArrayList<>();
    for (Cell old : baseline.cells()) {
      boolean coveredBefore = old.applicable() && old.counts().total() > 0;
      boolean coveredNow = current.cell(old.key())
          .filter(cell -> cell.applicable() && cell.counts().total() > 0)
          .isPresent();
      if (coveredBefore && !coveredNow) {
        lost.add(old.key());
      }
    }
    return new BaselineDiff(baseline.run(), newViolations, goneViolations, unchanged, moved, newlyCovered, lost);
  }

  /**
   * What makes {@code baseline} a poor yardstick for {@code current}, one phrase each: other
   * targets, another mutant, other tries per cell. Empty when the runs compare.
   */
  public static List<String> mismatches(Run baseline, Run current) {
    List<String> mismatches = new ArrayList<>();
    if (!baseline.targets().equals(current.targets())) {
      mismatches.add("targets " + String.join(",", baseline.targets()) + " in the baseline, "
          + String.join(",", current.targets()) + " now");
    }
    if (baseline.mutant().isPresent() && current.mutant().isPresent()
        && !baseline.mutant().equals(current.mutant())) {
      mismatches.add("mutant " + baseline.mutant().get() + " in the baseline, " + current.mutant().get() + " now");
    }
    if (baseline.triesPerCell() != current.triesPerCell()) {
      mismatches.add(baseline.triesPerCell() + " tries per cell in the baseline, " + current.triesPerCell() + " now");
    }
    return mismatches;
  }

  /** {@code vs baseline: 2 new, 1 fixed, 5 unchanged}: violation patterns (cell × invariant). */
  public String line() {
    return "vs baseline: " + newViolations.size() + " new, " + goneViolations.size() + " fixed, "
        + unchangedViolations.size() + " unchanged (violations compared by cell and invariant)";
  }

  /** Whether this case has a violation whose pattern the baseline did not have. */
  public boolean isNew(CaseRecord caseRecord, Violation violation) {
    return newViolations.stream().anyMatch(p -> p.cell().equals(caseRecord.cell())
        && p.invariant() == violation.invariant() && p.caseIds().contains(caseRecord.id()));
  }

  private static Optional<CellShift> shift(CellKey cell, OutcomeCounts before, OutcomeCounts after) {
    List<Shift> shifts = new ArrayList<>();
    for (Outcome outcome : Outcome.values()) {
      Shift shift = new Shift(outcome, before.percent(outcome), after.percent(outcome));
      double predicted = before.percent(outcome) / 100.0 * after.total();
      if (Math.abs(shift.points()) >= MOVED_POINTS && Math.abs(after.get(outcome) - predicted) >= MOVED_CASES) {
        shifts.add(shift);
      }
    }
    return shifts.isEmpty() ? Optional.empty() : Optional.of(new CellShift(cell, before, after, shifts));
  }

  private record PatternKey(CellKey cell, InvariantId invariant) {}

  private static Map<PatternKey, ViolationPattern> patterns(MatrixReport report) {
    Map<PatternKey, List<String>> cases = new LinkedHashMap<>();
    for (CaseRecord caseRecord : report.cases()) {
      for (Violation violation : caseRecord.verdict().violations()) {
        List<String> ids = cases.computeIfAbsent(
            new PatternKey(caseRecord.cell(), violation.invariant()), k -> new ArrayList<>());
        if (!ids.contains(caseRecord.id())) {
          ids.add(caseRecord.id());
        }
      }
    }
    Map<PatternKey, ViolationPattern> patterns = new LinkedHashMap<>();
    cases.forEach((key, ids) -> patterns.put(key, new ViolationPattern(key.cell(), key.invariant(), ids)));
    return patterns;
  }

  public boolean noChange() {
    return newViolations.isEmpty() && goneViolations.isEmpty() && moved.isEmpty()
        && newlyCovered.isEmpty() && lost.isEmpty();
  }
}
