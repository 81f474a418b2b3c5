package dev.cutpoint.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineDiffTest {
  @TempDir Path dir;

  private static final CellKey READ_WRITE_CLOSE = new CellKey("java", "read", "WRITE", "CLOSE");
  private static final CellKey READ_WRITE_RESET = new CellKey("java", "read", "WRITE", "RESET");
  private static final CellKey MUTATE_READ_CLOSE = new CellKey("java", "mutate", "READ", "CLOSE");

  /** The small report with its cases replaced; mutate × READ/RESET stays not applicable. */
  private static MatrixReport with(List<CaseRecord> cases) {
    MatrixReport small = SampleReports.small();
    return MatrixReport.tally(small.run(), small.axes(),
        Map.of(new CellKey("java", "mutate", "READ", "RESET"), "n/a here"), cases, List.of());
  }

  private static CaseRecord copy(CaseRecord c, String id, Outcome outcome, Verdict verdict, FaultRecord fault) {
    return new CaseRecord(id, c.seed(), c.target(), c.requests(), fault, c.calls(), outcome, verdict, c.replay(),
        c.durationMillis());
  }

  @Test
  void theSameRunHasNoChange() {
    MatrixReport report = SampleReports.realistic(3);
    assertThat(BaselineDiff.between(report, report).noChange()).isTrue();
  }

  @Test
  void tellsNewAndGoneViolationsMovedCellsAndCoverage() {
    MatrixReport base = SampleReports.small();
    List<CaseRecord> cases = new ArrayList<>();
    CaseRecord resent = base.cases().get(0);
    // read × WRITE/CLOSE: 2 resent before; now 1 resent, 3 failed loudly
    cases.add(resent);
    for (int i = 0; i < 3; i++) {
      cases.add(copy(resent, "loud-" + i, Outcome.FAILED_LOUDLY, Verdict.PASSED, resent.fault()));
    }
    // read × WRITE/RESET: no case before, one now, with an I3 violation
    cases.add(copy(resent, "reset-0", Outcome.VIOLATION,
        Verdict.violated(new Violation(InvariantId.I3, Optional.of(0), "wrong result")),
        new FaultRecord(0, "WRITE", 0, Optional.of(40L), "RESET")));
    // mutate × READ/CLOSE: its I2 violation and its cases are gone
    BaselineDiff diff = BaselineDiff.between(base, with(cases));

    assertThat(diff.newViolations()).singleElement().satisfies(p -> {
      assertThat(p.cell()).isEqualTo(READ_WRITE_RESET);
      assertThat(p.invariant()).isEqualTo(InvariantId.I3);
      assertThat(p.describe()).isEqualTo("I3 Safe retry in java · read × WRITE/RESET (1 case: reset-0)");
    });
    assertThat(diff.goneViolations()).singleElement()
        .satisfies(p -> assertThat(p.describe()).isEqualTo("I2 At most once in java · mutate × READ/CLOSE (1 case: java-3)"));
    assertThat(diff.moved()).singleElement().satisfies(shift -> {
      assertThat(shift.cell()).isEqualTo(READ_WRITE_CLOSE);
      assertThat(shift.describe()).isEqualTo("java · read × WRITE/CLOSE: after resend 100% → 25% (-75 pts); "
          + "failed loudly 0% → 75% (+75 pts) [0✓ 2↻ 0✗ 0! → 0✓ 1↻ 3✗ 0!]");
    });
    assertThat(diff.newlyCovered()).containsExactly(READ_WRITE_RESET);
    assertThat(diff.lost()).containsExactly(MUTATE_READ_CLOSE);
  }

  /** One case more or less in a cell is chance: a move needs 10 points and 3 cases (MOVED_RULE). */
  @Test
  void oneCaseThatEndedOtherwiseIsNotAMove() {
    MatrixReport base = SampleReports.realistic(20);
    List<CaseRecord> cases = new ArrayList<>(base.cases());
    int index = 0;
    while (cases.get(index).outcome() != Outcome.AFTER_RESEND) {
      index++;
    }
    CaseRecord c = cases.get(index);
    cases.set(index, copy(c, c.id(), Outcome.FAILED_LOUDLY, Verdict.PASSED, c.fault()));
    MatrixReport now = MatrixReport.tally(base.run(), base.axes(), notApplicable(base), cases, base.expectations());
    assertThat(BaselineDiff.between(base, now).moved()).isEmpty();
  }

  @Test
  void threeCasesThatEndedOtherwiseInACellOfTwentyAreAMove() {
    MatrixReport base = SampleReports.realistic(20);
    List<CaseRecord> cases = new ArrayList<>(base.cases());
    CellKey cell = cases.stream().filter(c -> c.outcome() == Outcome.AFTER_RESEND).findFirst().orElseThrow().cell();
    int changed = 0;
    for (int i = 0; i < cases.size() && changed < 3; i++) {
      CaseRecord c = cases.get(i);
      if (c.cell().equals(cell) && c.outcome() == Outcome.AFTER_RESEND) {
        cases.set(i, copy(c, c.id(), Outcome.FAILED_LOUDLY, Verdict.PASSED, c.fault()));
        changed++;
      }
    }
    MatrixReport now = MatrixReport.tally(base.run(), base.axes(), notApplicable(base), cases, base.expectations());
    assertThat(BaselineDiff.between(base, now).moved()).singleElement()
        .satisfies(shift -> assertThat(shift.cell()).isEqualTo(cell));
  }

  @Test
  void countsNewFixedAndUnchangedPatternsInOneLine() {
    MatrixReport base = SampleReports.realistic(4);
    assertThat(BaselineDiff.between(base, base).line()).startsWith("vs baseline: 0 new, 0 fixed, "
        + BaselineDiff.between(base, base).unchangedViolations().size() + " unchanged");
    assertThat(BaselineDiff.between(base, base).unchangedViolations()).isNotEmpty();
  }

  @Test
  void aBaselineOfOtherTriesOrTargetsIsNamedAsNotLikeForLike() {
    Run run = SampleReports.small().run();
    Run other = new Run(run.seed(), 5, List.of("java", "breezy"), run.skippedTargets(), run.toxiproxy(),
        run.versions(), run.startedAt(), run.duration(), Map.of(), Optional.of("resend-all"), Optional.empty(), Optional.empty());
    Run mine = new Run(run.seed(), run.triesPerCell(), run.targets(), run.skippedTargets(), run.toxiproxy(),
        run.versions(), run.startedAt(), run.duration(), Map.of(), Optional.of("none"), Optional.empty(), Optional.empty());
    assertThat(BaselineDiff.mismatches(other, mine)).containsExactly(
        "targets java,breezy in the baseline, java now", "mutant resend-all in the baseline, none now",
        "5 tries per cell in the baseline, 2 now");
    assertThat(BaselineDiff.mismatches(mine, mine)).isEmpty();
  }

  private static Map<CellKey, String> notApplicable(MatrixReport report) {
    Map<CellKey, String> na = new java.util.HashMap<>();
    report.cells().stream().filter(cell -> !cell.applicable())
        .forEach(cell -> na.put(cell.key(), cell.notApplicable().get()));
    return na;
  }

  @Test
  void theWriterComparesWithABaselineFileEvenWhenItIsOverwritten() throws IOException {
    MatrixReport base = SampleReports.small();
    ReportWriter.write(base, dir, Optional.empty());
    List<CaseRecord> cases = new ArrayList<>(base.cases().subList(0, 3));
    ReportWriter.Written written = ReportWriter.write(with(cases), dir, Optional.of(dir.resolve("matrix.json")));

    assertThat(written.diff()).isPresent();
    assertThat(ReportWriter.read(written.matrixJson()).cases()).hasSize(3);
    assertThat(Files.readString(written.summary())).contains(String.join("\n",
        "## Changes since the baseline",
        "",
        "Baseline: seed 42, started 2025-05-01T10:00:00Z, 2 tries per cell.",
        "",
        "vs baseline: 0 new, 1 fixed, 0 unchanged (violations compared by cell and invariant).",
        "",
        "### Violations gone (1)",
        "",
        "- I2 At most once in java · mutate × READ/CLOSE (1 case: java-3)",
        "",
        ""));
    assertThat(Files.readString(written.summary())).doesNotContain("Outcomes moved");
    assertThat(Files.readString(written.html()))
        .contains("<section id=\"changes\">")
        .contains("<h3 class=\"change good\">Violations gone <span class=\"count\">1</span></h3>")
        .contains("<li>I2 At most once in java · mutate × READ/CLOSE (1 case: java-3)</li>");
  }

  @Test
  void aBadBaselineIsATypedErrorAndWritesNothing() throws IOException {
    Path bad = dir.resolve("baseline.json");
    Files.writeString(bad, "{}");
    Path out = dir.resolve("out");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ReportWriter.write(SampleReports.small(), out, Optional.of(bad)))
        .isInstanceOf(MalformedReportException.class)
        .hasMessageContaining("no \"schema\" field");
    assertThat(out).doesNotExist();
  }
}
