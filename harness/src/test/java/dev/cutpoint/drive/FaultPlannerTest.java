package dev.cutpoint.drive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.history.Delivery;
import dev.cutpoint.fault.ProxyToxics;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.FaultPlan;
import dev.cutpoint.history.Phase;
import dev.cutpoint.verbs.VerbClass;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultPlannerTest {

  private static CaseSpec spec(Phase phase, FaultKind kind, double fraction) {
    List<RequestDraft> requests = List.of(
        RequestDraft.plain("hello", VerbClass.READ), RequestDraft.plain("get", VerbClass.READ, "f0"));
    return new CaseSpec("t", 1, new MatrixCell(VerbClass.READ, phase, kind), requests, 1, fraction,
        Delivery.PROXY_TOGGLE, false);
  }

  @Test
  void offsetsFallInsideTheirPhasesRange() {
    long n = 57;
    long m = 90;
    for (double f : new double[] {0.0, 0.1, 0.49, 0.5, 0.75, 0.999}) {
      FaultPlan write = FaultPlanner.plan(spec(Phase.WRITE, FaultKind.CLOSE, f), n, m, ProxyToxics.SHOPIFY);
      assertThat(write.offset()).isBetween(0L, n - 2);
      FaultPlan flush = FaultPlanner.plan(spec(Phase.FLUSH, FaultKind.CLOSE, f), n, m, ProxyToxics.SHOPIFY);
      assertThat(flush.offset()).isIn(n - 1, n);
      FaultPlan read = FaultPlanner.plan(spec(Phase.READ, FaultKind.CLOSE, f), n, m, ProxyToxics.SHOPIFY);
      assertThat(read.offset()).isBetween(0L, m - 1);
    }
    assertThat(FaultPlanner.plan(spec(Phase.WRITE, FaultKind.CLOSE, 0.999), n, m, ProxyToxics.SHOPIFY).offset()).isEqualTo(n - 2);
    assertThat(FaultPlanner.plan(spec(Phase.FLUSH, FaultKind.CLOSE, 0.2), n, m, ProxyToxics.SHOPIFY).offset()).isEqualTo(n - 1);
    assertThat(FaultPlanner.plan(spec(Phase.FLUSH, FaultKind.CLOSE, 0.7), n, m, ProxyToxics.SHOPIFY).offset()).isEqualTo(n);
  }

  @Test
  void resetsAndBlackHolesCutOnlyAtTheStartWithShopifysToxics() {
    assertThat(FaultPlanner.plan(spec(Phase.WRITE, FaultKind.RESET, 0.8), 57, 90, ProxyToxics.SHOPIFY).offset()).isZero();
    assertThat(FaultPlanner.plan(spec(Phase.READ, FaultKind.BLACKHOLE, 0.8), 57, 90, ProxyToxics.SHOPIFY).offset()).isZero();
  }

  @Test
  void theEmbeddedProxysExtensionsCutResetsAnywhereAndBlackHolesAnywhereInTheRequest() {
    ProxyToxics embedded = ProxyToxics.EMBEDDED;
    assertThat(FaultPlanner.plan(spec(Phase.WRITE, FaultKind.RESET, 0.8), 57, 90, embedded).offset()).isEqualTo(44);
    assertThat(FaultPlanner.plan(spec(Phase.WRITE, FaultKind.BLACKHOLE, 0.8), 57, 90, embedded).offset()).isEqualTo(44);
    assertThat(FaultPlanner.plan(spec(Phase.READ, FaultKind.RESET, 0.8), 57, 90, embedded).offset()).isEqualTo(72);
    assertThat(FaultPlanner.plan(spec(Phase.FLUSH, FaultKind.RESET, 0.2), 57, 90, embedded).offset()).isEqualTo(56);
    assertThat(FaultPlanner.plan(spec(Phase.FLUSH, FaultKind.BLACKHOLE, 0.7), 57, 90, embedded).offset()).isEqualTo(57);
    assertThat(FaultPlanner.plan(spec(Phase.READ, FaultKind.BLACKHOLE, 0.8), 57, 90, embedded).offset()).isZero();
  }

  @Test
  void betweenAndNonFatalKindsHaveNoCutPoint() {
    FaultPlan between = FaultPlanner.plan(spec(Phase.BETWEEN, FaultKind.CLOSE, 0.3), 57, 90, ProxyToxics.SHOPIFY);
    assertThat(between.delivery()).isEqualTo(Delivery.PROXY_TOGGLE);
    assertThat(between.requestIndex()).isEqualTo(1);
    FaultPlan slice = FaultPlanner.plan(spec(Phase.READ, FaultKind.SLICE, 0.3), 57, 90, ProxyToxics.SHOPIFY);
    assertThat(slice.offset()).isZero();
    assertThat(slice.kind()).isEqualTo(FaultKind.SLICE);
  }
}
