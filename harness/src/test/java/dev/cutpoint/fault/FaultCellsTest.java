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
import org.junit.jupiter.params.provider.EnumSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultCellsTest {

  /** What Shopify's Toxiproxy can express (SPEC §4.2, §5.1, §5.2), phase × kind. */
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
    Applicability cell = FaultCells.forPhaseAndKind(phase, kind, ProxyToxics.SHOPIFY);
    assertCell(cell, offsets, fresh);
    assertThat(cell.embeddedOnly()).isFalse();
  }

  /**
   * What the embedded proxy expresses with its extensions (SPEC §4.2): RESET anywhere in the
   * request and the response, BLACKHOLE anywhere in the request, on any connection; the rest is as
   * with Shopify's toxics.
   */
  @ParameterizedTest(name = "{0} x {1}: {2}")
  @CsvSource({
    "WRITE, RESET, ANY, true",
    "FLUSH, RESET, ANY, true",
    "READ, RESET, ANY, true",
    "BETWEEN, RESET, NA, false",
    "WRITE, BLACKHOLE, ANY, true",
    "FLUSH, BLACKHOLE, ANY, true",
    "READ, BLACKHOLE, START_ONLY, false",
    "BETWEEN, BLACKHOLE, NA, false"
  })
  void phaseAndKindTableWithTheExtensions(
      Phase phase, FaultKind kind, String offsets, boolean embeddedOnly) {
    Applicability cell = FaultCells.forPhaseAndKind(phase, kind, ProxyToxics.EMBEDDED);
    assertCell(cell, offsets, false);
    assertThat(cell.embeddedOnly()).isEqualTo(embeddedOnly);
  }

  @Test
  void theExtensionsChangeOnlyResetAndBlackhole() {
    for (Phase phase : Phase.values()) {
      for (FaultKind kind : FaultKind.values()) {
        if (kind != FaultKind.RESET && kind != FaultKind.BLACKHOLE) {
          assertThat(FaultCells.forPhaseAndKind(phase, kind, ProxyToxics.EMBEDDED))
              .isEqualTo(FaultCells.forPhaseAndKind(phase, kind, ProxyToxics.SHOPIFY));
        }
      }
    }
  }

  private static void assertCell(Applicability cell, String offsets, boolean fresh) {
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
        for (ProxyToxics toxics : ProxyToxics.values()) {
          Applicability cell = FaultCells.applicability(VerbClass.STREAM, phase, kind, false, toxics);
          assertThat(cell.applicable()).isFalse();
          assertThat(cell.reason()).contains("insert_stream");
        }
      }
    }
    assertThat(FaultCells.applicability(
            VerbClass.STREAM, Phase.WRITE, FaultKind.CLOSE, true, ProxyToxics.SHOPIFY).applicable())
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
          for (ProxyToxics toxics : ProxyToxics.values()) {
            assertThat(FaultCells.applicability(verbClass, phase, kind, false, toxics))
                .isEqualTo(FaultCells.forPhaseAndKind(phase, kind, toxics));
          }
        }
      }
    }
  }

  /** Every applicable cell has a valid plan at some offset: the matrix can fill it. */
  @ParameterizedTest
  @EnumSource(ProxyToxics.class)
  void everyApplicableCellHasAValidPlan(ProxyToxics toxics) {
    long n = 60;
    long m = 40;
    for (Phase phase : Phase.values()) {
      for (FaultKind kind : FaultKind.values()) {
        Applicability cell = FaultCells.forPhaseAndKind(phase, kind, toxics);
        if (!cell.applicable()) {
          continue;
        }
        FaultPlan plan =
            phase == Phase.BETWEEN
                ? FaultPlan.between(1, Delivery.SERVER_RESTART)
                : new FaultPlan(1, phase, phase == Phase.FLUSH ? n : 0, kind, Delivery.TOXIC);
        FaultCells.validate(plan, n, m, toxics);
      }
    }
  }

  /** A cut inside the request or the response is expressible only with the extensions. */
  @ParameterizedTest(name = "{0} x {1} at {2}")
  @CsvSource({
    "WRITE, RESET, 17",
    "WRITE, BLACKHOLE, 17",
    "FLUSH, RESET, 59",
    "FLUSH, BLACKHOLE, 60",
    "READ, RESET, 39"
  })
  void aCutPastTheStartNeedsTheExtensions(Phase phase, FaultKind kind, long offset) {
    FaultPlan plan = new FaultPlan(1, phase, offset, kind, Delivery.TOXIC);
    FaultCells.validate(plan, 60, 40, ProxyToxics.EMBEDDED);
    assertThatThrownBy(() -> FaultCells.validate(plan, 60, 40, ProxyToxics.SHOPIFY))
        .isInstanceOf(InvalidFaultPlan.class);
  }

  @Test
  void aBlackHoleInsideTheResponseIsNotExpressedEvenWithTheExtensions() {
    assertThatThrownBy(() -> FaultCells.validate(
            FaultPlan.read(1, 5, FaultKind.BLACKHOLE), 60, 40, ProxyToxics.EMBEDDED))
        .isInstanceOf(InvalidFaultPlan.class)
        .hasMessageContaining("OFFSET_NOT_EXPRESSIBLE");
  }
}
