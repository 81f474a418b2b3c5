package dev.cutpoint.drive;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

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

  /** Maps {@code items} over the pool, one thread per target instance, keeping the items' order. */
  public static <T, R> List<R> map(List<Target> pool, List<T> items, Work<T, R> work) {
    List<R> out = new ArrayList<>(Collections.nCopies(items.size(), null));
    if (items.isEmpty()) {
      return out;
    }
    AtomicInteger next = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (Target target : pool) {
      Thread thread = new Thread(() -> {
        int index;
        while ((index = next.getAndIncrement()) < items.size()) {
          R result = work.apply(target, items.get(index));
          synchronized (out) {
            out.set(index, result);
          }
        }
      }, "cutpoint-worker-" + threads.size());
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        threads.forEach(Thread::interrupt);
        throw new IllegalStateException("the run was interrupted", e);
      }
    }
    synchronized (out) {
      return out;
    }
  }
}
