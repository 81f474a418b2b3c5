package dev.cutpoint.drive;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ends a call that would otherwise hang (the {@code no-timeout} mutant under a black hole): past its
 * deadline it first runs a rescue (the nemesis disarms, which closes the black-holed link), and if
 * the call is still running a second later, interrupts the calling thread. One daemon thread per
 * target; guards are cheap.
 */
public final class Watchdog implements AutoCloseable {

  /** After the rescue, how long the call gets before its thread is interrupted. */
  private static final long INTERRUPT_AFTER_MILLIS = 1000;

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cutpoint-watchdog");
        thread.setDaemon(true);
        return thread;
      });

  /** Watches the current thread's call until the guard is closed. */
  public Guard guard(long deadlineMillis, Runnable rescue) {
    return new Guard(Thread.currentThread(), deadlineMillis, rescue);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  /** One watched call. */
  public final class Guard implements AutoCloseable {
    private final Thread caller;
    private final ScheduledFuture<?> rescue;
    private final ScheduledFuture<?> interrupt;
    private boolean active = true;

    private Guard(Thread caller, long deadlineMillis, Runnable rescueAction) {
      this.caller = caller;
      this.rescue = timer.schedule(() -> {
        if (isActive()) {
          rescueAction.run();
        }
      }, deadlineMillis, TimeUnit.MILLISECONDS);
      this.interrupt = timer.schedule(this::interruptIfActive,
          deadlineMillis + INTERRUPT_AFTER_MILLIS, TimeUnit.MILLISECONDS);
    }

    private synchronized boolean isActive() {
      return active;
    }

    private synchronized void interruptIfActive() {
      if (active) {
        caller.interrupt();
      }
    }

    @Override
    public void close() {
      synchronized (this) {
        active = false;
      }
      rescue.cancel(false);
      interrupt.cancel(false);
      // an interrupt that raced with the end of the call must not leak into the next one
      Thread.interrupted();
    }
  }
}
