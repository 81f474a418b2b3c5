package dev.cutpoint.client;

/**
 * The time the client's timeouts read (SPEC §5.4). In production it is the system's; a harness
 * that knows when an attempt can no longer progress passes a {@link ManualClock} and moves it
 * itself, so that the client's own timeout code fires at once, and never because the machine is
 * slow.
 */
public interface CallClock {

  /** The system's monotonic clock: timeouts pass in real time. */
  CallClock SYSTEM = new SystemCallClock();

  /** Now, in nanoseconds on this clock's own scale (only differences mean anything). */
  long nanoTime();

  /**
   * How long a wait for {@code deadlineNanos} may block in real time before it looks at the clock
   * again: 0 means until woken. The system clock answers the time left; a manual clock 0, as only
   * an advance (which wakes the waiter) can bring the deadline.
   */
  long blockMillis(long deadlineNanos);

  /**
   * Tells the clock that the caller is about to block, and how to wake it; the wait ends with
   * {@link Wait#close()}. An advance wakes every waiter, so that it looks at its deadline at once.
   *
   * @param deadlineNanos when the wait times out, or {@link Long#MAX_VALUE} for a wait without one
   */
  Wait startWait(long deadlineNanos, Runnable wakeUp);

  /** One blocked caller, registered with its clock until closed. */
  interface Wait extends AutoCloseable {
    @Override
    void close();
  }
}
