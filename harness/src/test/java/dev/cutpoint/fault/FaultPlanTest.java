package dev.cutpoint.fault;

import dev.cutpoint.fault.InvalidFaultPlan.Problem;
import dev.cutpoint.history.Delivery;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.FaultPlan;
import dev.cutpoint.history.Phase;
import dev.cutpoint.history.ServerReceipt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultPlanTest {

  private static final long N = 60;
  private static final long M = 40;

  /** SPEC §5.1's ranges for a request of n=60 bytes and a response of m=40 bytes. */
  @ParameterizedTest(name = "{0} {2} at {1}: {3}")
  @CsvSource({
    "WRITE, 0, CLOSE, OK",
    "WRITE, 58, CLOSE, OK",
    "WRITE, 59, CLOSE, OFFSET_OUT_OF_RANGE",
    "FLUSH, 58, CLOSE, OFFSET_OUT_OF_RANGE",
    "FLUSH, 59, CLOSE, OK",
    "FLUSH, 60, CLOSE, OK",
    "FLUSH, 61, CLOSE, OFFSET_OUT_OF_RANGE",
    "READ, 0, CLOSE, OK",
    "READ, 39, CLOSE, OK",
    "READ, 40, CLOSE, OFFSET_OUT_OF_RANGE",
    "WRITE, 0, RESET, OK",
    "WRITE, 1, RESET, OFFSET_NOT_EXPRESSIBLE",
    "READ, 0, RESET, OK",
    "READ, 5, RESET, OFFSET_NOT_EXPRESSIBLE",
    "FLUSH, 60, RESET, NOT_EXPRESSIBLE",
    "WRITE, 0, BLACKHOLE, OK",
    "WRITE, 3, BLACKHOLE, OFFSET_NOT_EXPRESSIBLE",
    "READ, 0, BLACKHOLE, OK",
    "FLUSH, 59, BLACKHOLE, NOT_EXPRESSIBLE",
    "WRITE, 0, SLICE, OK",
    "WRITE, 7, SLICE, OFFSET_NOT_EXPRESSIBLE",
    "READ, 0, LATENCY, OK",
    "FLUSH, 60, LATENCY, NOT_EXPRESSIBLE"
  })
  void offsetsFollowSpecRanges(Phase phase, long offset, FaultKind kind, String expected) {
    FaultPlan plan = new FaultPlan(1, phase, offset, kind, Delivery.TOXIC);
    if (expected.equals("OK")) {
      assertThatCode(() -> FaultCells.validate(plan, N, M, ProxyToxics.SHOPIFY)).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(() -> FaultCells.validate(plan, N, M, ProxyToxics.SHOPIFY))
          .isInstanceOfSatisfying(
              InvalidFaultPlan.class,
              e -> {
                assertThat(e.problem()).isEqualTo(Problem.valueOf(expected));
                assertThat(e.plan()).isEqualTo(plan);
                assertThat(e.requestLength()).isEqualTo(N);
                assertThat(e.responseLength()).isEqualTo(M);
              });
    }
  }

  @Test
  void betweenIsARestartOrAToggleAfterAPreviousRequest() {
    assertThatCode(() -> FaultCells.validate(FaultPlan.between(1, Delivery.SERVER_RESTART), N, M, ProxyToxics.SHOPIFY))
        .doesNotThrowAnyException();
    assertThatCode(() -> FaultCells.validate(FaultPlan.between(2, Delivery.PROXY_TOGGLE), N, M, ProxyToxics.SHOPIFY))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> FaultCells.validate(FaultPlan.between(0, Delivery.SERVER_RESTART), N, M, ProxyToxics.SHOPIFY))
        .isInstanceOfSatisfying(
            InvalidFaultPlan.class, e -> assertThat(e.problem()).isEqualTo(Problem.NO_PREVIOUS_REQUEST));
    assertThatThrownBy(
            () -> FaultCells.validate(new FaultPlan(1, Phase.BETWEEN, 0, FaultKind.RESET, Delivery.SERVER_RESTART), N, M, ProxyToxics.SHOPIFY))
        .isInstanceOfSatisfying(
            InvalidFaultPlan.class, e -> assertThat(e.problem()).isEqualTo(Problem.NOT_EXPRESSIBLE));
  }

  @Test
  void deliveryMatchesPhase() {
    assertThatThrownBy(() -> new FaultPlan(1, Phase.BETWEEN, 0, FaultKind.CLOSE, Delivery.TOXIC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BETWEEN");
    assertThatThrownBy(() -> new FaultPlan(1, Phase.WRITE, 0, FaultKind.CLOSE, Delivery.PROXY_TOGGLE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaultPlan.write(-1, 0, FaultKind.CLOSE)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaultPlan.write(0, -1, FaultKind.CLOSE)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void requestIndexMustExistInTheSequence() {
    assertThatThrownBy(() -> FaultCells.validate(FaultPlan.write(3, 0, FaultKind.CLOSE), 3, N, M, ProxyToxics.SHOPIFY))
        .isInstanceOfSatisfying(
            InvalidFaultPlan.class, e -> assertThat(e.problem()).isEqualTo(Problem.NO_SUCH_REQUEST));
    assertThatCode(() -> FaultCells.validate(FaultPlan.write(2, 0, FaultKind.CLOSE), 3, N, M, ProxyToxics.SHOPIFY)).doesNotThrowAnyException();
  }

  @Test
  void aRequestShorterThanTwoBytesIsRejected() {
    assertThatThrownBy(() -> FaultCells.validate(FaultPlan.write(0, 0, FaultKind.CLOSE), 1, M, ProxyToxics.SHOPIFY))
        .isInstanceOfSatisfying(
            InvalidFaultPlan.class, e -> assertThat(e.problem()).isEqualTo(Problem.REQUEST_TOO_SHORT));
  }

  /** SPEC §5.1's "server sees" column. */
  @Test
  void serverReceiptFollowsThePhase() {
    assertThat(FaultPlan.write(0, 10, FaultKind.CLOSE).serverReceipt(N)).isEqualTo(ServerReceipt.INCOMPLETE);
    assertThat(FaultPlan.flush(0, N - 1, FaultKind.CLOSE).serverReceipt(N)).isEqualTo(ServerReceipt.INCOMPLETE);
    assertThat(FaultPlan.flush(0, N, FaultKind.CLOSE).serverReceipt(N))
        .isEqualTo(ServerReceipt.COMPLETE_MAYBE_EXECUTED);
    assertThat(FaultPlan.read(0, 0, FaultKind.RESET).serverReceipt(N)).isEqualTo(ServerReceipt.COMPLETE);
    assertThat(FaultPlan.between(1, Delivery.PROXY_TOGGLE).serverReceipt(N)).isEqualTo(ServerReceipt.NOTHING);
    assertThat(FaultPlan.disturb(0, Phase.WRITE, FaultKind.SLICE).serverReceipt(N))
        .isEqualTo(ServerReceipt.COMPLETE);
  }
}
