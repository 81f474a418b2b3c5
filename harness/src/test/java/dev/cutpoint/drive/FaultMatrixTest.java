package dev.cutpoint.drive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.check.Invariant;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.Phase;
import dev.cutpoint.verbs.VerbClass;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultMatrixTest {

  @Test
  void aSmallMatrixPassesOnTheCorrectClientAndCoversEveryApplicableCell() throws Exception {
    List<CaseResult> seen = new ArrayList<>();
    MatrixSettings settings = MatrixSettings.of(11).withTries(1).withWorkers(2);
    MatrixResult result = FaultMatrix.run(settings, new MatrixListener() {
      @Override
      public void caseDone(CaseResult c) {
        seen.add(c);
      }
    });

    TargetResult java = result.targets().get(0);
    assertThat(java.cells()).hasSize(VerbClass.values().length * 4 * 5);
    assertThat(java.cells().values().stream().filter(a -> !a.applicable()))
        .allSatisfy(a -> assertThat(a.reason()).isNotBlank());
    // the embedded proxy's extensions make FLUSH x RESET applicable, and mark it as theirs
    assertThat(java.cells().get(new MatrixCell(VerbClass.READ, dev.cutpoint.history.Phase.FLUSH,
        dev.cutpoint.history.FaultKind.RESET)).embeddedOnly()).isTrue();
    assertThat(java.cells().get(new MatrixCell(VerbClass.READ, dev.cutpoint.history.Phase.BETWEEN,
        dev.cutpoint.history.FaultKind.RESET)).applicable()).isFalse();
    assertThat(java.cells().values().stream().filter(a -> a.embeddedOnly())).hasSize(30);
    assertThat(result.violations()).as(java.cases().stream().filter(CaseResult::violated)
        .map(c -> c.id() + " " + c.verdict().violations()).toList().toString()).isZero();
    assertThat(result.harnessErrors()).isZero();
    assertThat(result.coveredCells()).isEqualTo(result.applicableCells()).isEqualTo(84);
    assertThat(seen).hasSize((int) result.cases());
    assertThat(result.summaryLine()).matches("\\d+ cases, 0 violating cases, 84/84 cells covered");
    assertThat(result.passed()).isTrue();
    assertThat(java.workers()).isEqualTo(2);
    assertThat(java.cases()).allSatisfy(c -> {
      assertThat(c.duration()).as("%s is timed", c.id()).isPositive();
      assertThat(c.confirmation()).as("%s passed: nothing to replay", c.id()).isEmpty();
    });
  }

  /**
   * The resend-all client resends a mutate or semivfs request whose reply was lost after the server
   * ran it: the journal shows it twice (I2) every time, so each replay brings I2 back.
   */
  @Test
  void eachNewViolationIsReplayedBeforeItIsReportedAndSaysHowOftenItCameBack() throws Exception {
    List<String> confirming = new ArrayList<>();
    MatrixSettings settings = MatrixSettings.of(13).withTries(1).withWorkers(2).withMutant(Mutant.RESEND_ALL)
        .withConfirm(2).withMinimize(false);
    MatrixResult result = FaultMatrix.run(settings, new MatrixListener() {
      @Override
      public void confirming(String target, int cases, int replays) {
        confirming.add(target + " " + cases + " x" + replays);
      }
    });

    List<CaseResult> cases = result.targets().get(0).cases();
    List<CaseResult> violated = cases.stream().filter(CaseResult::violated).toList();
    assertThat(violated).isNotEmpty();
    assertThat(confirming).containsExactly("java " + violated.size() + " x2");
    assertThat(violated).allSatisfy(c -> assertThat(c.confirmation()).as(c.id())
        .hasValueSatisfying(k -> {
          assertThat(k.replays()).isEqualTo(2);
          assertThat(k.failures()).isEmpty();
        }));
    assertThat(cases.stream().filter(c -> !c.violated())).allSatisfy(c -> assertThat(c.confirmation()).isEmpty());
    List<CaseResult> lostReply = violated.stream()
        .filter(c -> c.cell().phase() == Phase.READ && c.cell().kind() == FaultKind.CLOSE && !c.persistent())
        .filter(c -> c.cell().verbClass() == VerbClass.MUTATE || c.cell().verbClass() == VerbClass.SEMIVFS)
        .toList();
    assertThat(lostReply).hasSize(2).allSatisfy(c -> {
      assertThat(c.verdict().of(Invariant.I2)).as(c.id()).isNotEmpty();
      assertThat(c.confirmation().orElseThrow().of(Invariant.I2)).as(c.id()).isEqualTo(2);
    });
    assertThat(result.newViolations()).as("the count still fails the run").isEqualTo(violated.size());
    assertThat(result.passed()).isFalse();

    var report = MatrixReports.toReport(result);
    assertThat(report.run().workers()).containsExactly(java.util.Map.entry("java", 2));
    assertThat(report.cases()).allSatisfy(c -> assertThat(c.durationMillis()).isPresent());
    assertThat(report.findings()).isNotEmpty().allSatisfy(f ->
        assertThat(f.violation().confirmation()).hasValueSatisfying(k -> assertThat(k.replays()).isEqualTo(2)));
  }

  @Test
  void aRunIsTheSameForTheSameSeed() {
    MatrixCell cell = FaultMatrix.cells().get(7);
    assertThat(FaultMatrix.caseSeed(3, "java", cell, false, 0)).isEqualTo(FaultMatrix.caseSeed(3, "java", cell, false, 0));
    assertThat(FaultMatrix.caseSeed(3, "java", cell, false, 0)).isNotEqualTo(FaultMatrix.caseSeed(3, "java", cell, false, 1));
    assertThat(FaultMatrix.caseSeed(3, "java", cell, false, 0)).isNotEqualTo(FaultMatrix.caseSeed(4, "java", cell, false, 0));
  }
}
