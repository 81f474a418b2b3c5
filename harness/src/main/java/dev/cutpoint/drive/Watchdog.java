package dev.cutpoint.drive;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ends a call that would otherwise never end, in real time, which is why its bounds are generous
 * (SPEC §5.4): a call's {@linkplain #guard safety net} (its expiry is the harness failing to run the
 * case, never a verdict), and a shorter {@linkplain Guard#endAfter grace} once the harness knows the
 * call should have ended (its expiry is the client's fault: I6). Ending a call first runs a rescue
 * (the nemesis disarms, which closes the black-holed link), and if the call is still running a
 * second later, interrupts the calling thread. One daemon thread per target; guards are cheap.
 */
public final class Watchdog implements AutoCloseable {

  /** The longest a call may run in real time before the harness gives the case up. */
  public static final Duration SAFETY_NET = Duration.ofSeconds(60);

  /** After the rescue, how long the call gets before its thread is interrupted. */
  private static final long INTERRUPT_AFTER_MILLIS = 1000;

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cutpoint-watchdog");
        thread.setDaemon(true);
        return thread;
      });

  /** Why a guard ended its call. */
  public record Ending(boolean safetyNet, String reason) {}

  /** Watches the current thread's call until the guard is closed. */
  public Guard guard(Duration safetyNet, Runnable rescue) {
    return new Guard(Thread.currentThread(), safetyNet, rescue);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  /** One watched call. */
  public final class Guard implements AutoCloseable {
    private final Thread caller;
    private final Runnable rescue;
    private final ScheduledFuture<?> net;
    private ScheduledFuture<?> grace;
    private ScheduledFuture<?> interrupt;
    private boolean active = true;
    private Ending ending;

    private Guard(Thread caller, Duration safetyNet, Runnable rescue) {
      this.caller = caller;
      this.rescue = rescue;
      this.net = timer.schedule(
          () -> end(new Ending(true, "it ran past the harness's safety net of "
              + safetyNet.toSeconds() + " s of real time")),
          safetyNet.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Ends the call after {@code after} of real time unless it ends first, blaming the client;
     * {@link Duration#ZERO} ends it now.
     */
    public synchronized void endAfter(Duration after, String reason) {
      if (!active || grace != null) {
        return;
      }
      grace = timer.schedule(() -> end(new Ending(false, reason)), after.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Why the watchdog ended the call, if it did. */
    public synchronized Optional<Ending> ending() {
      return Optional.ofNullable(ending);
    }

    private void end(Ending why) {
      synchronized (this) {
        if (!active || ending != null) {
          return;
        }
        ending = why;
        interrupt = timer.schedule(this::interruptIfActive, INTERRUPT_AFTER_MILLIS, TimeUnit.MILLISECONDS);
      }
      rescue.run();
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
        net.cancel(false);
        if (grace != null) {
          grace.cancel(false);
        }
        if (interrupt != null) {
          interrupt.cancel(false);
        }
      }
      // an interrupt that raced with the end of the call must not leak into the next one
      Thread.interrupted();
    }
  }
}
