package dev.cutpoint.fault;

import dev.cutpoint.fault.Applicability.OffsetRule;
import dev.cutpoint.history.Delivery;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.FaultPlan;
import dev.cutpoint.history.Phase;
import dev.cutpoint.verbs.VerbClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.assertj.core.api.Assertions.assertThat;

class FaultCellsTest {

  /** What Toxiproxy can express (SPEC §4.2, §5.1, §5.2), phase × kind. */
  @ParameterizedTest(name = "{0} x {1}: {2}")
  @CsvSource({
    "WRITE, CLOSE, ANY, false",
    "FLUSH, CLOSE, ANY, false",
    "READ, CLOSE, ANY, false",
    "BETWEEN, CLOSE, NONE, false",
    "WRITE, RESET, START_ONLY, true",
    "READ, RESET, START_ONLY, true",
    "FLUSH, RESET, NA, false",
    "BETWEEN, RESET, NA, false",
    "WRITE, BLACKHOLE, START_ONLY, false",
    "READ, BLACKHOLE, START_ONLY, false",
    "FLUSH, BLACKHOLE, NA, false",
    "BETWEEN, BLACKHOLE, NA, false",
    "WRITE, SLICE, NONE, false",
    "READ, SLICE, NONE, false",
    "FLUSH, SLICE, NA, false",
    "BETWEEN, SLICE, NA, false",
    "WRITE, LATENCY, NONE, false",
    "READ, LATENCY, NONE, false",
    "FLUSH, LATENCY, NA, false",
    "BETWEEN, LATENCY, NA, false"
  })
  void phaseAndKindTable(Phase phase, FaultKind kind, String offsets, boolean fresh) {
    Applicability cell = FaultCells.forPhaseAndKind(phase, kind);
    if (offsets.equals("NA")) {
      assertThat(cell.applicable()).isFalse();
      assertThat(cell.offsets()).isEqualTo(OffsetRule.NONE);
    } else {
      assertThat(cell.applicable()).isTrue();
      assertThat(cell.offsets()).isEqualTo(OffsetRule.valueOf(offsets));
    }
    assertThat(cell.needsFreshConnection()).isEqualTo(fresh);
    assertThat(cell.reason()).isNotBlank();
  }

  @Test
  void streamClassIsNotApplicableWithoutInsertStream() {
    for (Phase phase : Phase.values()) {
      for (FaultKind kind : FaultKind.values()) {
        Applicability cell = FaultCells.applicability(VerbClass.STREAM, phase, kind, false);
        assertThat(cell.applicable()).isFalse();
        assertThat(cell.reason()).contains("insert_stream");
      }
    }
    assertThat(FaultCells.applicability(VerbClass.STREAM, Phase.WRITE, FaultKind.CLOSE, true).applicable())
        .isTrue();
  }

  @Test
  void otherClassesDependOnlyOnPhaseAndKind() {
    for (VerbClass verbClass : VerbClass.values()) {
      if (verbClass == VerbClass.STREAM) {
        continue;
      }
      for (Phase phase : Phase.values()) {
        for (FaultKind kind : FaultKind.values()) {
          assertThat(FaultCells.applicability(verbClass, phase, kind, false))
              .isEqualTo(FaultCells.forPhaseAndKind(phase, kind));
        }
      }
    }
  }

  /** Every applicable cell has a valid plan at some offset: the matrix can fill it. */
  @Test
  void everyApplicableCellHasAValidPlan() {
    long n = 60;
    long m = 40;
    for (Phase phase : Phase.values()) {
      for (FaultKind kind : FaultKind.values()) {
        Applicability cell = FaultCells.forPhaseAndKind(phase, kind);
        if (!cell.applicable()) {
          continue;
        }
        FaultPlan plan =
            phase == Phase.BETWEEN
                ? FaultPlan.between(1, Delivery.SERVER_RESTART)
                : new FaultPlan(1, phase, phase == Phase.FLUSH ? n : 0, kind, Delivery.TOXIC);
        FaultCells.validate(plan, n, m);
      }
    }
  }
}
