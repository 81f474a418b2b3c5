package dev.cutpoint.drive;

import static org.assertj.core.api.Assertions.assertThat;

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
    assertThat(java.cells().get(new MatrixCell(VerbClass.READ, dev.cutpoint.fault.Phase.FLUSH,
        dev.cutpoint.fault.FaultKind.RESET)).applicable()).isFalse();
    assertThat(result.violations()).as(java.cases().stream().filter(CaseResult::violated)
        .map(c -> c.id() + " " + c.verdict().violations()).toList().toString()).isZero();
    assertThat(result.harnessErrors()).isZero();
    assertThat(result.coveredCells()).isEqualTo(result.applicableCells()).isEqualTo(72);
    assertThat(seen).hasSize((int) result.cases());
    assertThat(result.summaryLine()).matches("\\d+ cases, 0 violations, 72/72 cells covered");
    assertThat(result.passed()).isTrue();
  }

  @Test
  void aRunIsTheSameForTheSameSeed() {
    MatrixCell cell = FaultMatrix.cells().get(7);
    assertThat(FaultMatrix.caseSeed(3, "java", cell, false, 0)).isEqualTo(FaultMatrix.caseSeed(3, "java", cell, false, 0));
    assertThat(FaultMatrix.caseSeed(3, "java", cell, false, 0)).isNotEqualTo(FaultMatrix.caseSeed(3, "java", cell, false, 1));
    assertThat(FaultMatrix.caseSeed(3, "java", cell, false, 0)).isNotEqualTo(FaultMatrix.caseSeed(4, "java", cell, false, 0));
  }
}
