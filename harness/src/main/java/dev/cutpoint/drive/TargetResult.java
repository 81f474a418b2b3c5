package dev.cutpoint.drive;

import dev.cutpoint.fault.Applicability;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One target's part of a matrix run: every cell with its applicability, every case judged (the
 * minimized form in place of a violating case that could be shrunk), the cases the harness could
 * not run, how long running the cases took (without starting the target, replaying and shrinking),
 * and how many ran at once.
 */
public record TargetResult(
    String target,
    String toxiproxy,
    String toxiproxyVersion,
    Map<MatrixCell, Applicability> cells,
    List<CaseResult> cases,
    List<HarnessError> errors,
    int triesPerCell,
    java.time.Duration casesTime,
    int workers) {

  public TargetResult {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(toxiproxy, "toxiproxy");
    Objects.requireNonNull(toxiproxyVersion, "toxiproxyVersion");
    cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    cases = List.copyOf(cases);
    errors = List.copyOf(errors);
    Objects.requireNonNull(casesTime, "casesTime");
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, was " + workers);
    }
  }

  /** A target whose cases ran one at a time. */
  public TargetResult(String target, String toxiproxy, String toxiproxyVersion, Map<MatrixCell, Applicability> cells,
      List<CaseResult> cases, List<HarnessError> errors, int triesPerCell, java.time.Duration casesTime) {
    this(target, toxiproxy, toxiproxyVersion, cells, cases, errors, triesPerCell, casesTime, 1);
  }

  public long violations() {
    return cases.stream().filter(CaseResult::violated).count();
  }

  public long applicableCells() {
    return cells.values().stream().filter(Applicability::applicable).count();
  }

  /**
   * Applicable cells with at least {@code triesPerCell} generated (not persistent) cases whose fault
   * fired: the cells the run actually tested.
   */
  public long coveredCells() {
    return cells.entrySet().stream()
        .filter(e -> e.getValue().applicable())
        .filter(e -> cases.stream()
                .filter(c -> !c.persistent() && c.cell().equals(e.getKey()) && c.tested())
                .count() >= triesPerCell)
        .count();
  }
}
