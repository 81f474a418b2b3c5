package dev.cutpoint.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A fault-matrix run: what ran, every cell of the matrix with its counts, every case, and the
 * reviewed expectations its violations were compared with. This is {@code matrix.json}
 * (reports/SCHEMA.md). Build it with {@link #tally}, which counts the cells from the cases; the
 * constructor checks that a report read back is as consistent as one built.
 */
// the count is derived from the cases: written for readers of the JSON, recomputed on reading
@JsonIgnoreProperties(value = "violatingCases", allowGetters = true)
public record MatrixReport(
    String schema,
    Run run,
    Axes axes,
    List<Cell> cells,
    List<CaseRecord> cases,
    List<Expectation> expectations) {

  /** The schema this code writes and reads; a change that old readers would misread gets a new number. */
  public static final String SCHEMA = "cutpoint-matrix/3";
  /**
   * The schema before cells marked {@code embeddedOnly}, still read (a baseline is often an older
   * run's report): as this one, with no cell so marked.
   */
  public static final String SCHEMA_2 = "cutpoint-matrix/2";
  /**
   * The schema before replays and durations, still read: as schema 2, with no workers, no
   * durations and no confirmations.
   */
  public static final String SCHEMA_1 = "cutpoint-matrix/1";

  public MatrixReport {
    Checks.present("schema", schema);
    if (!SCHEMA.equals(schema)) {
      throw new IllegalArgumentException("schema is " + schema + ", this reader knows " + SCHEMA);
    }
    Checks.present("run", run);
    Checks.present("axes", axes);
    cells = Checks.list("cells", cells);
    cases = Checks.list("cases", cases);
    expectations = Checks.list("expectations", expectations);
    checkConsistent(run, axes, cells, cases, expectations);
  }

  /**
   * The report of a run: every cell of every target run, counted from the cases, except those
   * declared not applicable.
   *
   * @param notApplicable the cells the harness cannot express honestly, with the reason
   * @throws IllegalArgumentException when a case falls outside the matrix or into a cell that is
   *     not applicable, or ids repeat
   */
  public static MatrixReport tally(
      Run run,
      Axes axes,
      Map<CellKey, String> notApplicable,
      List<CaseRecord> cases,
      List<Expectation> expectations) {
    return tally(run, axes, notApplicable, Set.of(), cases, expectations);
  }

  /**
   * As {@link #tally(Run, Axes, Map, List, List)}, with the applicable cells that only the embedded
   * proxy's extension toxics can cut so marked.
   */
  public static MatrixReport tally(
      Run run,
      Axes axes,
      Map<CellKey, String> notApplicable,
      Set<CellKey> embeddedOnly,
      List<CaseRecord> cases,
      List<Expectation> expectations) {
    Map<CellKey, OutcomeCounts> counts = new HashMap<>();
    for (CaseRecord caseRecord : cases) {
      counts.merge(caseRecord.cell(), OutcomeCounts.NONE.plus(caseRecord.outcome()),
          OutcomeCounts::plus);
    }
    List<Cell> cells = new ArrayList<>();
    Set<CellKey> matrix = new HashSet<>();
    for (String target : run.targets()) {
      for (CellKey key : axes.cellsOf(target)) {
        matrix.add(key);
        String reason = notApplicable.get(key);
        cells.add(reason == null
            ? Cell.applicable(key, embeddedOnly.contains(key), counts.getOrDefault(key, OutcomeCounts.NONE))
            : Cell.notApplicable(key, reason));
      }
    }
    for (CellKey key : notApplicable.keySet()) {
      if (!matrix.contains(key)) {
        throw new IllegalArgumentException("cell " + key.id() + " declared not applicable is not in the matrix");
      }
    }
    return new MatrixReport(SCHEMA, run, axes, cells, cases, expectations);
  }

  private static void checkConsistent(
      Run run, Axes axes, List<Cell> cells, List<CaseRecord> cases, List<Expectation> expectations) {
    Map<CellKey, Cell> byKey = new LinkedHashMap<>();
    for (Cell cell : cells) {
      if (byKey.put(cell.key(), cell) != null) {
        throw new IllegalArgumentException("cell " + cell.key().id() + " appears twice");
      }
    }
    Set<CellKey> matrix = new HashSet<>();
    run.targets().forEach(target -> matrix.addAll(axes.cellsOf(target)));
    for (CellKey key : matrix) {
      if (!byKey.containsKey(key)) {
        throw new IllegalArgumentException("cell " + key.id() + " is missing");
      }
    }
    for (CellKey key : byKey.keySet()) {
      if (!matrix.contains(key)) {
        throw new IllegalArgumentException("cell " + key.id() + " is outside the matrix of targets " + run.targets());
      }
    }
    Set<String> ids = new HashSet<>();
    Map<CellKey, OutcomeCounts> counted = new HashMap<>();
    for (CaseRecord caseRecord : cases) {
      if (!ids.add(caseRecord.id())) {
        throw new IllegalArgumentException("case id " + caseRecord.id() + " appears twice");
      }
      Cell cell = byKey.get(caseRecord.cell());
      if (cell == null) {
        throw new IllegalArgumentException(
            "case " + caseRecord.id() + " falls in " + caseRecord.cell().id() + ", outside the matrix");
      }
      if (!cell.applicable()) {
        throw new IllegalArgumentException("case " + caseRecord.id() + " falls in "
            + caseRecord.cell().id() + ", which is not applicable");
      }
      counted.merge(caseRecord.cell(), OutcomeCounts.NONE.plus(caseRecord.outcome()), OutcomeCounts::plus);
    }
    for (Cell cell : cells) {
      OutcomeCounts expected = counted.getOrDefault(cell.key(), OutcomeCounts.NONE);
      if (!expected.equals(cell.counts())) {
        throw new IllegalArgumentException("cell " + cell.key().id() + " counts " + cell.counts().compact()
            + " but its cases are " + expected.compact());
      }
    }
    Set<String> expectationIds = new HashSet<>();
    for (Expectation expectation : expectations) {
      if (!expectationIds.add(expectation.id())) {
        throw new IllegalArgumentException("expectation id " + expectation.id() + " appears twice");
      }
    }
  }

  /** The same report of a run that ended early, as {@code how}. */
  public MatrixReport endedEarly(String how) {
    return new MatrixReport(schema, run.endedEarly(how), axes, cells, cases, expectations);
  }

  /** The cell with this key, if it is in the matrix. */
  public Optional<Cell> cell(CellKey key) {
    return cells.stream().filter(cell -> cell.key().equals(key)).findFirst();
  }

  /** The cells of one target, in the order they were given (tally: row by row). */
  public List<Cell> cellsOf(String target) {
    return cells.stream().filter(cell -> cell.target().equals(target)).toList();
  }

  /** Every violation of every case, each with the expectation that covers it, in case order. */
  public List<Finding> findings() {
    List<Finding> findings = new ArrayList<>();
    for (CaseRecord caseRecord : cases) {
      for (Violation violation : caseRecord.verdict().violations()) {
        Optional<Expectation> expectedBy = expectations.stream()
            .filter(expectation -> expectation.matches(caseRecord.cell(), violation.invariant()))
            .findFirst();
        findings.add(new Finding(caseRecord, violation, expectedBy));
      }
    }
    return findings;
  }

  /** The one count of the run's violations: violating cases, with the invariants they broke. */
  @JsonProperty("violatingCases")
  public ViolationCount violationCount() {
    return ViolationCount.of(findings());
  }

  /** The findings no reviewed expectation covers: the ones that should fail a build. */
  public List<Finding> newFindings() {
    return findings().stream().filter(Finding::isNew).toList();
  }

  /**
   * The median wall time of a case in each cell that has cases with a recorded duration, in
   * milliseconds (the lower middle value for an even count): where a run's time goes.
   */
  public Map<CellKey, Long> medianMillis() {
    Map<CellKey, List<Long>> times = new LinkedHashMap<>();
    for (CaseRecord caseRecord : cases) {
      caseRecord.durationMillis()
          .ifPresent(ms -> times.computeIfAbsent(caseRecord.cell(), k -> new ArrayList<>()).add(ms));
    }
    Map<CellKey, Long> medians = new LinkedHashMap<>();
    times.forEach((cell, list) -> {
      list.sort(null);
      medians.put(cell, list.get((list.size() - 1) / 2));
    });
    return medians;
  }

  /** How much of the applicable matrix the run covered, by its generated cases. */
  public Coverage coverage() {
    return Coverage.of(generatedCells(cells), run.triesPerCell(), persistentCases());
  }

  /** The coverage of one target. */
  public Coverage coverageOf(String target) {
    long persistent = cases.stream().filter(c -> c.fault().persistent() && c.target().equals(target)).count();
    return Coverage.of(generatedCells(cellsOf(target)), run.triesPerCell(), persistent);
  }

  /** The cases with a persistent fault, extra to every cell's tries. */
  public long persistentCases() {
    return cases.stream().filter(c -> c.fault().persistent()).count();
  }

  /** The outcomes of the persistent-fault cases of each cell that has some. */
  public Map<CellKey, OutcomeCounts> persistentCounts() {
    Map<CellKey, OutcomeCounts> counts = new LinkedHashMap<>();
    cases.stream().filter(c -> c.fault().persistent())
        .forEach(c -> counts.merge(c.cell(), OutcomeCounts.NONE.plus(c.outcome()), OutcomeCounts::plus));
    return counts;
  }

  /** The outcomes of a cell's generated (one-shot) cases: its counts less its persistent-fault cases. */
  public OutcomeCounts generatedCounts(Cell cell) {
    return cell.counts().minus(persistentCounts().getOrDefault(cell.key(), OutcomeCounts.NONE));
  }

  private List<Cell> generatedCells(List<Cell> of) {
    Map<CellKey, OutcomeCounts> persistent = persistentCounts();
    return of.stream()
        .map(cell -> cell.applicable() && persistent.containsKey(cell.key())
            ? Cell.applicable(cell.key(), cell.embeddedOnly(), cell.counts().minus(persistent.get(cell.key())))
            : cell)
        .toList();
  }
}
