package dev.cutpoint.client;

/** {@link CallClock#SYSTEM}: real time, and nobody to wake a waiter early. */
final class SystemCallClock implements CallClock {

  private static final CallClock.Wait NOTHING_TO_UNDO = () -> {};

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public long blockMillis(long deadlineNanos) {
    if (deadlineNanos == Long.MAX_VALUE) {
      return 0;
    }
    // never 0 with a deadline set: 0 blocks for ever
    return Math.max(1, (deadlineNanos - System.nanoTime() + 999_999) / 1_000_000);
  }

  @Override
  public Wait startWait(long deadlineNanos, Runnable wakeUp) {
    return NOTHING_TO_UNDO;
  }

  @Override
  public String toString() {
    return "system clock";
  }
}
