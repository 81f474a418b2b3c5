package dev.cutpoint.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link CallClock} that moves only when told (Guava's {@code FakeTicker}, OkHttp's
 * {@code TaskFaker}): a harness that knows an attempt can never progress moves it to that
 * attempt's deadline, and the client's own timeout fires at once. Time that nobody moves never
 * passes, so no attempt times out because the machine is slow. Thread-safe: the client waits on
 * one thread, the harness moves the clock from another.
 */
public final class ManualClock implements CallClock {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition waitStarted = lock.newCondition();
  private final List<Waiter> waiters = new ArrayList<>(); // guarded by lock
  private volatile long now;

  private record Waiter(long deadlineNanos, Runnable wakeUp) {}

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public long blockMillis(long deadlineNanos) {
    return 0;
  }

  @Override
  public Wait startWait(long deadlineNanos, Runnable wakeUp) {
    Waiter waiter = new Waiter(deadlineNanos, wakeUp);
    lock.lock();
    try {
      waiters.add(waiter);
      waitStarted.signalAll();
    } finally {
      lock.unlock();
    }
    return () -> {
      lock.lock();
      try {
        waiters.remove(waiter);
      } finally {
        lock.unlock();
      }
    };
  }

  /**
   * Blocks until a caller waits on this clock.
   *
   * @param safetyNet the longest real time to block: a bound against a harness defect, not a guess
   *     at how long the client takes
   * @return whether a caller is waiting
   */
  public boolean awaitWaiter(Duration safetyNet) throws InterruptedException {
    long left = safetyNet.toNanos();
    lock.lock();
    try {
      while (waiters.isEmpty()) {
        if (left <= 0) {
          return false;
        }
        left = waitStarted.awaitNanos(left);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Moves the clock to the latest deadline of the callers waiting now and wakes them, so that each
   * of their waits times out; empty, and the clock unmoved, when none of them has a deadline.
   *
   * @return how far the clock moved
   */
  public OptionalLong expireWaiters() {
    List<Runnable> wake = new ArrayList<>();
    long target = Long.MIN_VALUE;
    lock.lock();
    try {
      for (Waiter waiter : waiters) {
        wake.add(waiter.wakeUp());
        if (waiter.deadlineNanos() != Long.MAX_VALUE) {
          target = Math.max(target, waiter.deadlineNanos());
        }
      }
      if (target == Long.MIN_VALUE) {
        return OptionalLong.empty();
      }
      long moved = Math.max(0, target - now);
      now += moved;
      wake.forEach(Runnable::run);
      return OptionalLong.of(moved);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return "manual clock at " + TimeUnit.NANOSECONDS.toMillis(now) + " ms";
  }
}
