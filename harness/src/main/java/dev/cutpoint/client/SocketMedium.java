package dev.cutpoint.client;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bytes over one connection at a time, as Breezy's {@code SmartClientSocketMedium}: connects on
 * first use, keeps the connection between calls (so a server that closed it in between is only
 * noticed by the next call: bug 819604), and is {@linkplain #reset() reset} on any failure.
 *
 * <p>Unlike Breezy's, every wait is bounded by the timeout: a read that gets no byte and a write
 * that gets no byte accepted for that long fail with {@link SocketTimeoutException}. Writes need
 * the bound too: a peer that stops reading fills the socket buffers and blocks a large request.
 * The timeout is measured on the options' {@link CallClock}; every wait tells the clock how to wake
 * it, so that a harness moving a {@link ManualClock} ends a hopeless wait at once, without polling.
 */
final class SocketMedium implements Closeable {

  private static final int READ_CHUNK = 64 * 1024;
  /**
   * The most bytes handed to one write. The JDK copies a heap buffer into a temporary direct
   * buffer of the size asked for; a body of megabytes written whole got a fresh one (allocated,
   * zeroed, freed) at every partial write, for all that was left. Breezy's {@code send_all}
   * writes 64 KiB at a time.
   */
  private static final int WRITE_WINDOW = 256 * 1024;

  private final Connector connector;
  private final Optional<Duration> timeout;
  private final CallClock clock;
  private Connection connection;
  private Selector selector;
  /** Response bytes that arrived before the request was complete; {@link #read} returns them first. */
  private ByteBuffer early;
  /**
   * Reused by every read of a thread's calls, which run one at a time and whose decoder copies what
   * it keeps: a fresh 64 KiB per medium was a twentieth of the CPU.
   */
  private static final ThreadLocal<ByteBuffer> READ_BUFFER =
      ThreadLocal.withInitial(() -> ByteBuffer.allocate(READ_CHUNK));

  SocketMedium(Connector connector, Optional<Duration> timeout, CallClock clock) {
    this.connector = connector;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** Whether a connection is open (it may still be dead: only using it tells). */
  boolean connected() {
    return connection != null;
  }

  /** The open connection, connecting first if there is none. */
  Connection connection() throws IOException {
    if (connection == null) {
      // a manual clock cannot end a connect; nothing the harness injects stalls one, so only real
      // time bounds it, and the harness's own safety net beyond that
      Connection fresh = connector.connect(clock == CallClock.SYSTEM ? timeout : Optional.empty());
      try {
        fresh.channel().configureBlocking(false);
        if (selector == null) {
          selector = Selector.open();
        }
        fresh.channel().register(selector, 0);
      } catch (IOException e) {
        fresh.close();
        throw e;
      }
      connection = fresh;
    }
    return connection;
  }

  /**
   * Writes all of {@code pieces}, in order; on failure, each piece's {@code position()} tells how
   * much of it went into the socket.
   */
  void write(ByteBuffer... pieces) throws IOException {
    Connection open = connection();
    int first = advance(pieces, 0, 0);
    while (first < pieces.length) {
      long written = open.channel().write(window(pieces, first));
      if (written == 0) {
        await(SelectionKey.OP_WRITE, "write");
      }
      first = advance(pieces, first, written);
    }
  }

  /** Views of the pieces from {@code first} on, {@link #WRITE_WINDOW} bytes of them at most. */
  private static ByteBuffer[] window(ByteBuffer[] pieces, int first) {
    List<ByteBuffer> views = new ArrayList<>(pieces.length - first);
    int room = WRITE_WINDOW;
    for (int i = first; i < pieces.length && room > 0; i++) {
      ByteBuffer piece = pieces[i];
      int take = Math.min(room, piece.remaining());
      views.add(piece.slice(piece.position(), take));
      room -= take;
    }
    return views.toArray(ByteBuffer[]::new);
  }

  /**
   * Moves the pieces' positions on past {@code written} bytes, from {@code first}; returns the
   * first piece with bytes left (the length when none has).
   */
  private static int advance(ByteBuffer[] pieces, int first, long written) {
    long left = written;
    int at = first;
    while (at < pieces.length) {
      ByteBuffer piece = pieces[at];
      int step = (int) Math.min(left, piece.remaining());
      piece.position(piece.position() + step);
      left -= step;
      if (piece.hasRemaining()) {
        break;
      }
      at++;
    }
    return at;
  }

  /**
   * Without waiting, fails if the server has already closed or reset the connection: a
   * connection kept from an earlier call may have died in between, and a request with a body
   * stream must find out before it takes the first chunk.
   */
  void checkNotClosed() throws IOException {
    ByteBuffer arrived = ByteBuffer.allocate(4096);
    if (connection().channel().read(arrived) < 0) {
      throw new EOFException("the server has closed " + connection);
    }
    if (arrived.position() > 0) {
      early = arrived.flip();
    }
  }

  /** The buffer for a call's reads, cleared: the calling thread's. */
  ByteBuffer readBuffer() {
    return READ_BUFFER.get().clear();
  }

  /** Reads some bytes into {@code into}: their number, or -1 at the end of the stream. */
  int read(ByteBuffer into) throws IOException {
    if (connection == null) {
      throw new IllegalStateException("reading with no connection: nothing was sent");
    }
    if (early != null) {
      int count = Math.min(early.remaining(), into.remaining());
      into.put(into.position(), early, early.position(), count).position(into.position() + count);
      early.position(early.position() + count);
      if (!early.hasRemaining()) {
        early = null;
      }
      return count;
    }
    while (true) {
      int read = connection.channel().read(into);
      if (read != 0) {
        return read;
      }
      await(SelectionKey.OP_READ, "read");
    }
  }

  private void await(int operation, String what) throws IOException {
    SelectionKey key = connection.channel().keyFor(selector);
    key.interestOps(operation);
    long deadline = timeout.map(t -> clock.nanoTime() + t.toNanos()).orElse(Long.MAX_VALUE);
    try (CallClock.Wait registered = clock.startWait(deadline, selector::wakeup)) {
      // select returns early with nothing ready on a wakeup (the clock moved); only the deadline
      // means a stall
      while (selector.select(clock.blockMillis(deadline)) == 0) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedIOException("interrupted waiting to " + what + " on " + connection);
        }
        if (timeout.isPresent() && clock.nanoTime() - deadline >= 0) {
          throw new SocketTimeoutException(
              "nothing to " + what + " for " + timeout.get().toMillis() + " ms on " + connection);
        }
      }
    } finally {
      selector.selectedKeys().clear();
      key.interestOps(0);
    }
  }

  /**
   * Drops the connection after a failure, as Breezy's {@code medium.reset()}. The selector stays
   * for the next connection: opening and closing one for each connection was 2% of a java matrix's
   * CPU samples.
   */
  void reset() {
    Connection dead = connection;
    connection = null;
    early = null;
    if (dead != null) {
      deregister(dead);
      closeQuietly(dead);
    }
  }

  /**
   * Takes the connection's channel out of the selector while it is still open: a channel closed
   * while registered keeps its socket until the selector's next select, and the peer would see
   * the close late, or a FIN before the reset that unread bytes make.
   */
  private void deregister(Connection dead) {
    SelectionKey key = dead.channel().keyFor(selector);
    if (key == null) {
      return;
    }
    key.cancel();
    try {
      selector.selectNow();
    } catch (IOException | ClosedSelectorException e) {
      // a selector that cannot select is of no more use: the next connection opens another
      Selector broken = selector;
      selector = null;
      closeQuietly(broken);
    }
  }

  @Override
  public void close() {
    reset();
    Selector idle = selector;
    selector = null;
    closeQuietly(idle);
  }

  private static void closeQuietly(Closeable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (IOException e) {
      // the connection is being discarded because it failed; a failing close adds nothing
    }
  }
}
