package dev.cutpoint.server;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, instead of sleeping a guessed time. */
final class Eventually {

  private Eventually() {}

  static boolean holds(BooleanSupplier condition, Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return true;
      }
      LockSupport.parkNanos(1_000_000);
    }
    return condition.getAsBoolean();
  }
}
