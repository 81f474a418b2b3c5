package dev.cutpoint.drive;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Work spread over a pool of started instances of one target, one item per instance at a time:
 * the matrix's cases, their replays and shrinking, and the enumeration's cut points.
 */
public final class TargetPool {

  private TargetPool() {}

  /** One unit of work on one target instance. */
  @FunctionalInterface
  public interface Work<T, R> {
    R apply(Target target, T item);
  }

  /** What a unit of work threw that it did not turn into a result: the run cannot go on. */
  public static final class WorkFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WorkFailedException(String target, Throwable cause) {
      super("a worker on " + target + " failed: " + cause, cause);
    }
  }

  /**
   * Maps {@code items} over the pool, one thread per target instance, keeping the items' order.
   * Every worker has ended when this returns or throws, so the caller may close the targets.
   *
   * @throws WorkFailedException when a unit of work threw: the first thing thrown, the others
   *     suppressed in it; the workers take no new item after it
   * @throws IllegalStateException when interrupted, after the workers were interrupted and ended
   */
  public static <T, R> List<R> map(List<Target> pool, List<T> items, Work<T, R> work) {
    List<R> out = new ArrayList<>(Collections.nCopies(items.size(), null));
    if (items.isEmpty()) {
      return out;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicReference<WorkFailedException> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (Target target : pool) {
      Thread thread = new Thread(() -> {
        int index;
        while (failure.get() == null && (index = next.getAndIncrement()) < items.size()) {
          try {
            R result = work.apply(target, items.get(index));
            synchronized (out) {
              out.set(index, result);
            }
          } catch (Throwable e) {
            // caught here, not left to kill the thread: the caller gets it instead of a missing result
            WorkFailedException failed = new WorkFailedException(target.name(), e);
            if (!failure.compareAndSet(null, failed)) {
              failure.get().addSuppressed(e);
            }
            return;
          }
        }
      }, "cutpoint-worker-" + threads.size());
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    try {
      for (Thread thread : threads) {
        thread.join();
      }
    } catch (InterruptedException e) {
      threads.forEach(Thread::interrupt);
      joinAll(threads);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the run was interrupted", e);
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    synchronized (out) {
      return out;
    }
  }

  /** Waits for every worker to end, whatever interrupts it meanwhile: the targets close after. */
  private static void joinAll(List<Thread> threads) {
    for (Thread thread : threads) {
      boolean joined = false;
      while (!joined) {
        try {
          thread.join();
          joined = true;
        } catch (InterruptedException again) {
          // the workers were interrupted already; closing their targets under them would be worse
        }
      }
    }
  }
}
