package dev.cutpoint.toxiproxy.embedded;

import dev.cutpoint.toxiproxy.embedded.toxic.Chunk;
import dev.cutpoint.toxiproxy.embedded.toxic.Outlet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The end of a chain: writes to the destination socket (Toxiproxy's link writer). When the chain
 * ends, or a write fails, the socket is closed whole: Toxiproxy has no half-close, so the other
 * direction's reader fails next and the whole link comes down.
 */
final class SocketOutlet implements Outlet {
  private final SocketChannel destination;
  private final Runnable onEnd;
  private final AtomicBoolean ended = new AtomicBoolean();

  SocketOutlet(SocketChannel destination, Runnable onEnd) {
    this.destination = destination;
    this.onEnd = onEnd;
  }

  /** Writes all of {@code buffer}; after the end, or after a failure, bytes are dropped. */
  void write(ByteBuffer buffer) {
    if (ended.get()) {
      return;
    }
    try {
      while (buffer.hasRemaining()) {
        destination.write(buffer);
      }
    } catch (IOException peerGoneOrLinkClosed) {
      end();
    }
  }

  @Override
  public void accept(Chunk chunk) {
    write(chunk.asByteBuffer());
  }

  @Override
  public void end() {
    if (ended.compareAndSet(false, true)) {
      Link.closeQuietly(destination);
      onEnd.run();
    }
  }
}
