package dev.cutpoint.drive;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs a task beside a call, on one thread kept for the target's life, and makes sure the task is
 * over when the call is: the harness's side of a black-holed call (SPEC §5.4), which waits for the
 * evidence that the attempt is stuck and then ends it. A task still waiting when the call ends is
 * interrupted.
 */
public final class Timekeeper implements AutoCloseable {

  /** What runs beside the call. */
  @FunctionalInterface
  public interface Task {
    void run() throws IOException, InterruptedException;
  }

  private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
    Thread daemon = new Thread(runnable, "cutpoint-timekeeper");
    daemon.setDaemon(true);
    return daemon;
  });

  /**
   * Makes the call with {@code beside} running, and returns the call's result once both are over.
   *
   * @throws IOException when the task failed: the harness could not do its part of the case
   */
  public <T> T during(Supplier<T> call, Task beside) throws IOException {
    Future<?> task = thread.submit(() -> {
      beside.run();
      return null;
    });
    T result;
    try {
      result = call.get();
    } finally {
      task.cancel(true);
      awaitIdle();
    }
    try {
      task.get();
    } catch (CancellationException | InterruptedException stopped) {
      // stopped because the call ended first: nothing was left to do
    } catch (ExecutionException e) {
      throw new IOException("the harness could not end the stalled attempt: " + e.getCause(), e.getCause());
    }
    return result;
  }

  /** A cancelled task may still be unwinding; the next task queued behind it runs after it. */
  private void awaitIdle() {
    boolean interrupted = false;
    Future<?> marker = thread.submit(() -> {});
    while (true) {
      try {
        marker.get();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (ExecutionException e) {
        throw new IllegalStateException("an empty task failed", e);
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
