package dev.cutpoint.drive.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.history.Delivery;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CutPointsTest {

  private static GateCall call(int index, long written, long read) {
    return new GateCall(index, "verb" + index, written, read, List.of(new GateAttempt(1, OptionalLong.of(1),
        index == 0, written, true, read, java.util.Optional.empty(), java.util.Optional.empty())));
  }

  @Test
  void everyCallIsCutInEveryPhaseAndKindTheProxyCanExpress() {
    List<CutPoint> cuts = CutPoints.of(BrzCommand.LOG, List.of(call(0, 86, 75), call(1, 91, 116)), true, new Random(1));
    // call 0: WRITE x 3 kinds, FLUSH, READ x 3 kinds; call 1 the same and BETWEEN
    assertThat(cuts).hasSize(7 + 8);
    assertThat(cuts).filteredOn(c -> c.plan().phase() == Phase.BETWEEN).singleElement()
        .satisfies(c -> assertThat(c.plan().delivery()).isIn(Delivery.SERVER_RESTART, Delivery.PROXY_TOGGLE));
    for (CutPoint cut : cuts) {
      long n = cut.call() == 0 ? 86 : 91;
      long m = cut.call() == 0 ? 75 : 116;
      switch (cut.plan().phase()) {
        case WRITE -> assertThat(cut.plan().offset()).isBetween(0L, n - 2);
        case FLUSH -> assertThat(cut.plan().offset()).isIn(n - 1, n);
        case READ -> assertThat(cut.plan().offset()).isBetween(0L, m - 1);
        case BETWEEN -> assertThat(cut.plan().offset()).isZero();
      }
      if (cut.plan().kind() != FaultKind.CLOSE) {
        assertThat(cut.plan().offset()).isZero();
      }
    }
  }

  @Test
  void withoutTheEmbeddedProxysCountBlackHolesAreLeftOut() {
    List<CutPoint> cuts = CutPoints.of(BrzCommand.LOG, List.of(call(0, 86, 75)), false, new Random(1));
    assertThat(cuts).noneMatch(c -> c.plan().kind() == FaultKind.BLACKHOLE).hasSize(5);
  }

  @Test
  void aSampleSpreadsTheBudgetOverTheCommandsWithoutRepeats() {
    List<List<CutPoint>> perCommand = new ArrayList<>();
    for (BrzCommand command : List.of(BrzCommand.LOG, BrzCommand.CAT, BrzCommand.PULL)) {
      perCommand.add(CutPoints.of(command, List.of(call(0, 86, 75), call(1, 91, 116)), true, new Random(2)));
    }
    List<CutPoint> sample = CutPoints.sample(perCommand, 7, new Random(3));
    assertThat(sample).hasSize(7).doesNotHaveDuplicates();
    assertThat(sample.stream().filter(c -> c.command() == BrzCommand.LOG).count()).isBetween(2L, 3L);
    assertThat(CutPoints.sample(perCommand, 1000, new Random(3))).hasSize(45);
  }
}
