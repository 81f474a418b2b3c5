package dev.cutpoint.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ManualClockTest {

  @Test
  void timeOnlyPassesWhenMoved() {
    ManualClock clock = new ManualClock();
    long start = clock.nanoTime();
    clock.advance(Duration.ofMillis(1500));
    assertThat(clock.nanoTime() - start).isEqualTo(Duration.ofMillis(1500).toNanos());
    assertThat(clock.blockMillis(start + 1)).as("waits until woken, never on real time").isZero();
    assertThatThrownBy(() -> clock.advance(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void expiringMovesToTheWaitersDeadlineAndWakesThem() {
    ManualClock clock = new ManualClock();
    AtomicInteger woken = new AtomicInteger();
    long deadline = clock.nanoTime() + Duration.ofSeconds(5).toNanos();
    try (CallClock.Wait wait = clock.startWait(deadline, woken::incrementAndGet)) {
      assertThat(clock.expireWaiters()).hasValue(Duration.ofSeconds(5).toNanos());
      assertThat(clock.nanoTime()).isEqualTo(deadline);
      assertThat(woken).hasValue(1);
    }
    clock.advance(Duration.ofSeconds(1));
    assertThat(woken).as("a wait that ended is not woken again").hasValue(1);
  }

  @Test
  void aWaitWithoutDeadlineCannotBeExpired() {
    ManualClock clock = new ManualClock();
    try (CallClock.Wait wait = clock.startWait(Long.MAX_VALUE, () -> {})) {
      assertThat(clock.expireWaiters()).isEmpty();
      assertThat(clock.nanoTime()).isZero();
    }
  }

  @Test
  void theHarnessSeesAWaiterArrive() throws Exception {
    ManualClock clock = new ManualClock();
    assertThat(clock.awaitWaiter(Duration.ofMillis(1))).isFalse();
    Thread waiter = new Thread(() -> {
      try (CallClock.Wait wait = clock.startWait(1, () -> {})) {
        Thread.sleep(10_000);
      } catch (InterruptedException e) {
        // the test is over
      }
    });
    waiter.start();
    try {
      assertThat(clock.awaitWaiter(Duration.ofSeconds(30))).isTrue();
    } finally {
      waiter.interrupt();
      waiter.join();
    }
  }
}
