package dev.cutpoint.toxiproxy.embedded.toxic;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One toxic's place in one direction of one link (Toxiproxy's ToxicStub): a bounded input, an
 * output, per-link state, and a thread that runs the toxic's {@link Toxic#pipe}.
 *
 * <p>The toxic sees {@link #take}, {@link #takeWithin}, {@link #sleep}, {@link #emit},
 * {@link #close} and {@link #reset}; waiting calls throw {@link StubInterrupted} when the link pauses the stub to
 * rewire the chain. The link sees the {@link Stage} side: {@link #interrupt}, {@link #run},
 * {@link #bypass} (the toxic was removed) and {@link #kill} (the link is gone).
 */
public final class ToxicStub implements Stage, Outlet {
  private final ReentrantLock lock = new ReentrantLock();
  /** The stub's own thread waits here: input, end of input, interrupt, run request, kill. */
  private final Condition stageWake = lock.newCondition();
  /** Others wait here: room in the input, a chunk taken, the stage paused or closed. */
  private final Condition othersWake = lock.newCondition();

  private final ArrayDeque<Chunk> input = new ArrayDeque<>();
  private final int capacity;
  private final String threadName;
  private final String toxicName;
  private final Optional<Object> state;
  private final Runnable resetOnClose;
  private volatile Outlet output;

  // all guarded by lock
  private long enqueued;
  private long taken;
  private boolean inputEnded;
  private boolean interruptRequested;
  private boolean running;
  private boolean closed;
  private boolean bypassed;
  private boolean killed;
  private ToxicDefinition runRequest;
  private boolean started;
  private boolean finished;

  /**
   * @param resetOnClose makes the link's coming close a TCP RST on both of its sockets (SO_LINGER
   *     0), for {@link #reset}
   */
  public ToxicStub(
      ToxicDefinition definition, Outlet output, String threadName, Runnable resetOnClose) {
    this.capacity = definition.type().bufferSize();
    this.state = definition.toxic().newState();
    this.toxicName = definition.name();
    this.output = output;
    this.threadName = threadName;
    this.resetOnClose = resetOnClose;
  }

  /** A stub born on a link that has already ended: it swallows whatever it is given. */
  public static ToxicStub closedOn(ToxicDefinition definition, String threadName) {
    ToxicStub stub = new ToxicStub(definition, DiscardingOutlet.INSTANCE, threadName, () -> {});
    stub.closed = true;
    return stub;
  }

  // ---- the toxic's side ----

  /** The next chunk, or {@link Signal#END} once the input has ended and is empty. */
  public Arrival take() throws StubInterrupted {
    lock.lock();
    try {
      while (true) {
        throwIfInterrupted();
        Arrival next = poll();
        if (next != null) {
          return next;
        }
        stageWake.awaitUninterruptibly();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Like {@link #take}, or {@link Signal#SILENCE} when nothing arrives within the time. */
  public Arrival takeWithin(long nanos) throws StubInterrupted {
    return waitUntil(System.nanoTime() + nanos, Signal.SILENCE, () -> {
      throwIfInterrupted();
      return poll();
    });
  }

  /** Waits; a negative or zero time returns at once. */
  public void sleep(long nanos) throws StubInterrupted {
    waitUntil(System.nanoTime() + nanos, Boolean.TRUE, () -> {
      throwIfInterrupted();
      return null;
    });
  }

  /**
   * Waits without yielding to a rewiring of the chain (Toxiproxy's reset_peer does not listen to
   * interrupts while it waits); only the link's end cuts it short.
   */
  public void sleepThroughInterrupts(long nanos) throws StubInterrupted {
    if (waitUntil(System.nanoTime() + nanos, Boolean.FALSE, () -> killed ? Boolean.TRUE : null)) {
      throw StubInterrupted.INSTANCE;
    }
  }

  public void emit(Chunk chunk) {
    output.accept(chunk);
  }

  /** Ends the output: everything after this stub sees the end, and the link closes. */
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      // marked before the output ends, so that a rewiring waiting on this stub is released first
      closed = true;
      stageWake.signalAll();
      othersWake.signalAll();
    } finally {
      lock.unlock();
    }
    output.end();
  }

  /**
   * Like {@link #close}, but the link's sockets close with a TCP RST on both sides, whenever the
   * link was opened: what has been emitted goes first, in order, as with a close.
   */
  public void reset() {
    resetOnClose.run();
    close();
  }

  public boolean isClosed() {
    lock.lock();
    try {
      return closed;
    } finally {
      lock.unlock();
    }
  }

  /** The name of the toxic this stub runs, as the API knows it. */
  public String toxicName() {
    return toxicName;
  }

  /** The state made by {@link Toxic#newState} when this stub was created. */
  public <S> S state(Class<S> type) {
    return type.cast(state.orElseThrow(() -> new IllegalStateException("stateless toxic")));
  }

  // ---- the previous stage's side ----

  @Override
  public void accept(Chunk chunk) {
    lock.lock();
    try {
      while (!bypassed) {
        if (closed || killed) {
          return; // a dead stub swallows what still arrives, so that nothing upstream blocks
        }
        if (input.size() < Math.max(1, capacity)) {
          input.add(chunk);
          long ticket = ++enqueued;
          stageWake.signalAll();
          // capacity 0 is Go's unbuffered channel: the sender waits until the chunk is taken
          while (capacity == 0 && taken < ticket && !bypassed && !closed && !killed) {
            othersWake.awaitUninterruptibly();
          }
          return;
        }
        othersWake.awaitUninterruptibly();
      }
    } finally {
      lock.unlock();
    }
    output.accept(chunk);
  }

  @Override
  public void end() {
    lock.lock();
    try {
      if (closed || killed) {
        return;
      }
      if (!bypassed) {
        inputEnded = true;
        stageWake.signalAll();
        return;
      }
    } finally {
      lock.unlock();
    }
    output.end();
  }

  // ---- the link's side ----

  @Override
  public boolean interrupt() {
    lock.lock();
    try {
      if (closed || killed) {
        return false;
      }
      interruptRequested = true;
      stageWake.signalAll();
      while (!closed && !killed && (running || runRequest != null)) {
        othersWake.awaitUninterruptibly();
      }
      interruptRequested = false;
      return !closed && !killed;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void run(ToxicDefinition definition) {
    lock.lock();
    try {
      if (closed || killed || bypassed) {
        return;
      }
      runRequest = definition;
      if (!started) {
        started = true;
        // pooled: adding or removing a toxic on a live link would otherwise start a thread per link
        LinkThreads.execute(threadName, this::loop);
      } else {
        stageWake.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Outlet output() {
    return output;
  }

  @Override
  public void output(Outlet newOutput) {
    this.output = newOutput;
  }

  /**
   * Takes this paused stub out of the data path: what waits in its input goes on to its output
   * in order, and so does everything that arrives later, the end included. Toxiproxy drains a
   * removed stub the same way, so removing a toxic loses no bytes in flight.
   */
  public void bypass() {
    boolean forwardEnd;
    lock.lock();
    try {
      bypassed = true;
      for (Chunk c = input.poll(); c != null; c = input.poll()) {
        taken++;
        output.accept(c);
      }
      forwardEnd = inputEnded && !closed;
      stageWake.signalAll();
      othersWake.signalAll();
    } finally {
      lock.unlock();
    }
    if (forwardEnd) {
      output.end();
    }
  }

  /** The link is gone: every wait returns, the thread ends, input is swallowed. */
  public void kill() {
    lock.lock();
    try {
      killed = true;
      stageWake.signalAll();
      othersWake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** A stub never run (born closed) has nothing to finish. */
  @Override
  public boolean awaitFinished(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (started && !finished) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        othersWake.awaitNanos(left);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  // ---- internals ----

  private void loop() {
    try {
      serve();
    } finally {
      lock.lock();
      try {
        finished = true;
        othersWake.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  private void serve() {
    while (true) {
      ToxicDefinition definition;
      lock.lock();
      try {
        while (runRequest == null && !closed && !killed && !bypassed) {
          stageWake.awaitUninterruptibly();
        }
        if (runRequest == null) {
          return;
        }
        definition = runRequest;
        runRequest = null;
        running = true;
      } finally {
        lock.unlock();
      }
      try {
        chosen(definition).pipe(this);
      } catch (StubInterrupted paused) {
        // rewiring or teardown: the loop decides which
      } catch (RuntimeException bug) {
        close(); // a broken toxic ends its link rather than leaving it hanging
        throw bug;
      } finally {
        lock.lock();
        try {
          running = false;
          othersWake.signalAll();
        } finally {
          lock.unlock();
        }
      }
    }
  }

  /** Toxicity is rolled each time the stub (re)starts, as Toxiproxy's ToxicStub.Run does. */
  private static Toxic chosen(ToxicDefinition definition) {
    return ThreadLocalRandom.current().nextFloat() < definition.toxicity()
        ? definition.toxic()
        : NoopToxic.INSTANCE;
  }

  private Arrival poll() {
    Chunk c = input.poll();
    if (c != null) {
      taken++;
      othersWake.signalAll();
      return c;
    }
    return inputEnded ? Signal.END : null;
  }

  private void throwIfInterrupted() throws StubInterrupted {
    if (interruptRequested || killed) {
      throw StubInterrupted.INSTANCE;
    }
  }

  /** A look, under the lock, at whether the stub's wait is over: its answer, or null to wait on. */
  @FunctionalInterface
  private interface Look<T> {
    T answer() throws StubInterrupted;
  }

  /**
   * The stub's own timed wait: looks, and waits for a wake-up, until the look answers or the
   * deadline passes ({@code late}).
   */
  private <T> T waitUntil(long deadlineNanos, T late, Look<T> look) throws StubInterrupted {
    lock.lock();
    try {
      while (true) {
        T answer = look.answer();
        if (answer != null) {
          return answer;
        }
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          return late;
        }
        awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }

  private void awaitNanos(long nanos) throws StubInterrupted {
    try {
      stageWake.awaitNanos(nanos);
    } catch (InterruptedException e) {
      killed = true; // nobody interrupts these threads but a JVM shutting down
      Thread.currentThread().interrupt();
      throw StubInterrupted.INSTANCE;
    }
  }

  private enum DiscardingOutlet implements Outlet {
    INSTANCE;

    @Override
    public void accept(Chunk chunk) {}

    @Override
    public void end() {}
  }
}
