package dev.cutpoint.toxiproxy.embedded.toxic;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that run links' readers, toxic stubs and proxies' acceptors. A link used to start
 * two or three threads of its own; starting and ending them (and the 32 KiB direct buffer a reader
 * allocates) was a large part of a short link's CPU. A pooled thread serves one task at a time and
 * is named after it while it does, so a thread dump still says which link it belongs to; idle
 * threads end after a minute.
 */
public final class LinkThreads {
  private static final long THREAD_STACK_BYTES = 256 * 1024;
  private static final String IDLE_NAME = "toxiproxy-idle";

  private static final ExecutorService POOL =
      new ThreadPoolExecutor(
          0,
          Integer.MAX_VALUE,
          60,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          task -> {
            Thread thread = new Thread(null, task, IDLE_NAME, THREAD_STACK_BYTES);
            thread.setDaemon(true);
            return thread;
          });

  private LinkThreads() {}

  /**
   * Runs {@code task} on an idle pooled thread, or a new one, named {@code name} until the task
   * returns. The task signals its own end to whoever waits for it: a pooled thread never ends with
   * its task, so it cannot be joined.
   */
  public static void execute(String name, Runnable task) {
    POOL.execute(
        () -> {
          Thread.currentThread().setName(name);
          try {
            task.run();
          } finally {
            Thread.currentThread().setName(IDLE_NAME);
          }
        });
  }
}
