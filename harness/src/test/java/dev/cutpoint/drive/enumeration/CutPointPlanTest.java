package dev.cutpoint.drive.enumeration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.drive.MatrixCell;
import dev.cutpoint.drive.RequestDraft;
import dev.cutpoint.drive.Requests;
import dev.cutpoint.fault.Applicability;
import dev.cutpoint.fault.FaultCells;
import dev.cutpoint.fault.ProxyToxics;
import dev.cutpoint.history.Delivery;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.Phase;
import dev.cutpoint.history.Request;
import dev.cutpoint.verbs.VerbClass;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CutPointPlanTest {

  private static final List<Delivery> BOTH = List.of(Delivery.SERVER_RESTART, Delivery.PROXY_TOGGLE);
  /** What Shopify's Toxiproxy expresses (RESET and BLACKHOLE only at offset 0, nothing at FLUSH). */
  private static final Function<MatrixCell, Applicability> TODAY =
      cell -> FaultCells.applicability(cell.verbClass(), cell.phase(), cell.kind(), true, ProxyToxics.SHOPIFY);
  /** A provider that cuts every kind at any byte (the embedded proxy's extensions, SPEC §4.2). */
  private static final Function<MatrixCell, Applicability> ANYWHERE = cell -> cell.phase() == Phase.BETWEEN
      ? TODAY.apply(cell)
      : new Applicability(true, Applicability.OffsetRule.ANY, false, true, "cuts at any byte");

  private static final Request MKDIR = Requests.recorded(0, RequestDraft.plain("mkdir", VerbClass.SEMIVFS, "e", ""));
  private static final Request HAS = Requests.recorded(1, RequestDraft.plain("has", VerbClass.READ, "e"));

  private static long count(CutPointPlan plan, Phase phase, FaultKind kind, int request) {
    return plan.cutPoints().stream().filter(p -> p.plan().phase() == phase && p.plan().kind() == kind
        && p.requestIndex() == request).count();
  }

  @Test
  void everyByteOfEveryRequestAndResponseAndEveryGapWhereTheTargetCanCut() {
    long n0 = MKDIR.encodedLength();
    long n1 = HAS.encodedLength();
    CutPointPlan plan = CutPointPlan.of(List.of(MKDIR, HAS), List.of(20L, 30L), BOTH, TODAY, 64, Optional.empty());

    assertThat(count(plan, Phase.WRITE, FaultKind.CLOSE, 0)).isEqualTo(n0 - 1);
    assertThat(count(plan, Phase.FLUSH, FaultKind.CLOSE, 0)).isEqualTo(2);
    assertThat(plan.cutPoints()).filteredOn(p -> p.plan().phase() == Phase.FLUSH && p.requestIndex() == 0)
        .extracting(p -> p.plan().offset()).containsExactly(n0 - 1, n0);
    assertThat(count(plan, Phase.READ, FaultKind.CLOSE, 0)).isEqualTo(20);
    assertThat(count(plan, Phase.READ, FaultKind.CLOSE, 1)).isEqualTo(30);
    // RESET and BLACKHOLE: exactly at the start of the request and of the response
    for (FaultKind kind : List.of(FaultKind.RESET, FaultKind.BLACKHOLE)) {
      assertThat(plan.cutPoints()).filteredOn(p -> p.plan().kind() == kind)
          .extracting(p -> p.plan().phase() + "@" + p.plan().offset())
          .containsExactly("WRITE@0", "READ@0", "WRITE@0", "READ@0");
    }
    assertThat(plan.cutPoints()).filteredOn(p -> p.plan().phase() == Phase.BETWEEN)
        .extracting(p -> p.requestIndex() + " " + p.plan().delivery())
        .containsExactly("1 SERVER_RESTART", "1 PROXY_TOGGLE");
    // everything else is skipped with the reason, none of it dropped: per kind 2(n+1) + 2m
    long all = 3 * (n0 + 1 + n1 + 1 + 20 + 30) + 2;
    assertThat(plan.cutPoints().size() + plan.skipped(SkipCause.NOT_EXPRESSIBLE)).isEqualTo(all);
    assertThat(plan.skipped(SkipCause.STRIDE)).isZero();
    assertThat(plan.skipped()).filteredOn(s -> s.phase() == Phase.FLUSH && s.kind() == FaultKind.RESET)
        .allSatisfy(s -> assertThat(s.reason()).contains("reset_peer"));
  }

  @Test
  void whatAProviderLearnsToCutIsEnumeratedWithoutAChangeHere() {
    long n0 = MKDIR.encodedLength();
    CutPointPlan plan = CutPointPlan.of(List.of(MKDIR), List.of(20L), BOTH, ANYWHERE, 64, Optional.empty());

    for (FaultKind kind : CutPointPlan.KINDS) {
      assertThat(count(plan, Phase.WRITE, kind, 0)).isEqualTo(n0 - 1);
      assertThat(count(plan, Phase.FLUSH, kind, 0)).isEqualTo(2);
      assertThat(count(plan, Phase.READ, kind, 0)).isEqualTo(20);
    }
    assertThat(plan.skipped()).isEmpty();
  }

  @Test
  void insideALargeBodyTheFramingIsCutAtEveryByteAndTheBodyAtItsEndsAndTheStride() {
    Request put = Requests.recorded(0, RequestDraft.withPayload("put", VerbClass.IDEM, "w0", 1000, "f", ""));
    long n = put.encodedLength();
    long bodyStart = n - 1 - 1000;
    CutPointPlan plan = CutPointPlan.of(List.of(put), List.of(10L), List.of(), TODAY, 256, Optional.empty());

    List<Long> close = plan.cutPoints().stream()
        .filter(p -> p.plan().kind() == FaultKind.CLOSE && p.plan().phase() != Phase.READ)
        .map(p -> p.plan().offset()).toList();
    for (long k = 0; k <= bodyStart; k++) {
      assertThat(close).contains(k);
    }
    assertThat(close).contains(bodyStart + 1, bodyStart + 256, bodyStart + 512, bodyStart + 768, n - 2, n - 1, n);
    assertThat(close).hasSize((int) bodyStart + 1 + 1 + 3 + 1 + 2);
    // what lies between is counted, never dropped: n+1 offsets in all
    assertThat(close.size() + plan.skipped(SkipCause.STRIDE)).isEqualTo(n + 1);
    assertThat(plan.skipped()).filteredOn(s -> s.cause() == SkipCause.STRIDE)
        .allSatisfy(s -> assertThat(s.reason()).contains("every 256 B"));
  }

  @Test
  void aStreamsChunkBoundariesAreFraming() {
    Request stream = Requests.recorded(0, RequestDraft.stream("w0", List.of("a", "b"), List.of(600, 600)));
    long n = stream.encodedLength();
    CutPointPlan plan = CutPointPlan.of(List.of(stream), List.of(10L), List.of(), TODAY, 256, Optional.empty());

    List<Long> close = plan.cutPoints().stream()
        .filter(p -> p.plan().kind() == FaultKind.CLOSE && p.plan().phase() != Phase.READ)
        .map(p -> p.plan().offset()).toList();
    // the second chunk's part header (b + 4-byte length) and the bytes around it
    long secondEnd = n - 1;
    long secondStart = secondEnd - (Requests.chunks(stream.body()).get(1).length());
    for (long k = secondStart - 6; k <= secondStart + 1; k++) {
      assertThat(close).contains(k);
    }
  }

  @Test
  void maxCasesKeepsThatManyEvenlyAndCountsTheRest() {
    CutPointPlan all = CutPointPlan.of(List.of(MKDIR, HAS), List.of(20L, 30L), BOTH, TODAY, 64, Optional.empty());
    CutPointPlan capped = CutPointPlan.of(List.of(MKDIR, HAS), List.of(20L, 30L), BOTH, TODAY, 64, Optional.of(25));

    assertThat(capped.cutPoints()).hasSize(25);
    assertThat(capped.skipped(SkipCause.MAX_CASES)).isEqualTo(all.cutPoints().size() - 25);
    assertThat(all.cutPoints()).containsAll(capped.cutPoints());
    // evenly: the first and a point past the middle of the whole list are kept
    assertThat(capped.cutPoints().get(0)).isEqualTo(all.cutPoints().get(0));
    assertThat(capped.cutPoints().get(13)).isEqualTo(all.cutPoints().get(13 * all.cutPoints().size() / 25));
  }
}
