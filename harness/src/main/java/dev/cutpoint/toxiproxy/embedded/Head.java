package dev.cutpoint.toxiproxy.embedded;

import dev.cutpoint.toxiproxy.embedded.toxic.Chunk;
import dev.cutpoint.toxiproxy.embedded.toxic.LinkThreads;
import dev.cutpoint.toxiproxy.embedded.toxic.Outlet;
import dev.cutpoint.toxiproxy.embedded.toxic.Stage;
import dev.cutpoint.toxiproxy.embedded.toxic.ToxicDefinition;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The head of one direction's chain: a pooled thread that reads the source socket and hands each
 * chunk on. It plays Toxiproxy's hidden noop stub, which is what the link pauses to splice the
 * first toxic in or out. With no toxic in its direction it writes straight to the destination
 * socket, from its own buffer: the common path costs no copy and no thread hand-off.
 */
final class Head implements Stage {
  /** Toxiproxy reads with io.Copy's 32 KiB buffer: chunks are at most that. */
  static final int CHUNK_BYTES = 32 * 1024;

  /**
   * A direct buffer costs far more to allocate than to reuse; a pooled thread serves one head at
   * a time, so its buffer is never shared.
   */
  private static final ThreadLocal<ByteBuffer> BUFFER =
      ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(CHUNK_BYTES));

  private final SocketChannel source;
  /** Held while a chunk is handed on; the link holds it to keep the head paused. */
  private final ReentrantLock handOff = new ReentrantLock();
  private final String threadName;
  /** Counted down when the reader has handed on the end: its thread is then another link's. */
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile Outlet output;
  private boolean ended; // guarded by handOff

  Head(SocketChannel source, Outlet output, String threadName) {
    this.source = source;
    this.output = output;
    this.threadName = threadName;
  }

  void start() {
    LinkThreads.execute(threadName, this::readToEnd);
  }

  @Override
  public boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finished.await(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
  }

  private void readToEnd() {
    try {
      read();
    } finally {
      finished.countDown();
    }
  }

  private void read() {
    ByteBuffer buffer = BUFFER.get();
    try {
      while (source.read(buffer.clear()) >= 0) {
        long readAt = System.nanoTime();
        buffer.flip();
        handOn(buffer, readAt);
      }
    } catch (IOException sourceClosedOrReset) {
      // the source is done either way: end the chain, as Toxiproxy's reader does
    }
    handOff.lock();
    try {
      ended = true;
      output.end();
    } finally {
      handOff.unlock();
    }
  }

  private void handOn(ByteBuffer buffer, long readAt) {
    handOff.lock();
    try {
      Outlet out = output;
      if (out instanceof SocketOutlet socket) {
        socket.write(buffer);
      } else {
        out.accept(Chunk.copyOf(buffer, readAt));
      }
    } finally {
      handOff.unlock();
    }
  }

  /** Pauses between chunks (a read in progress does not hold it up). */
  @Override
  public boolean interrupt() {
    handOff.lock();
    if (ended) {
      handOff.unlock();
      return false;
    }
    return true;
  }

  @Override
  public void run(ToxicDefinition noop) {
    if (handOff.isHeldByCurrentThread()) {
      handOff.unlock();
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
}
