package dev.cutpoint.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ManualClockTest {

  @Test
  void timeOnlyPassesWhenMoved() {
    ManualClock clock = new ManualClock();
    long start = clock.nanoTime();
    assertThat(clock.expireWaiters()).as("nobody waits: nothing to move to").isEmpty();
    assertThat(clock.nanoTime()).isEqualTo(start);
    assertThat(clock.blockMillis(start + 1)).as("waits until woken, never on real time").isZero();
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
    assertThat(clock.expireWaiters()).isEmpty();
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
    CountDownLatch done = new CountDownLatch(1);
    Thread waiter = new Thread(() -> {
      try (CallClock.Wait wait = clock.startWait(1, () -> {})) {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    waiter.start();
    try {
      assertThat(clock.awaitWaiter(Duration.ofSeconds(30))).isTrue();
    } finally {
      done.countDown();
      waiter.join();
    }
  }
}
