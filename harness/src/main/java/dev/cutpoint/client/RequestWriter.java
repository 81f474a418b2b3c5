package dev.cutpoint.client;

import dev.cutpoint.wire.ByteString;
import dev.cutpoint.wire.MessageEncoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The request side of Breezy's {@code _ProtocolThreeEncoder}: pieces are buffered and go to the
 * socket when more than {@link #BUFFER_SIZE} bytes are waiting, and on every {@link #flush()}
 * (at the end of the message, before a body stream, after each chunk). Counts what reached the
 * socket, a failed flush included. The waiting pieces go out together, as Breezy's joined buffer
 * does, in gathering writes of at most 256 KiB ({@link SocketMedium#write}), without copying a
 * multi-MiB body into a buffer first.
 */
final class RequestWriter {

  /** Breezy's {@code _ProtocolThreeEncoder.BUFFER_SIZE}: 1 MiB before flushing. */
  static final int BUFFER_SIZE = 1024 * 1024;

  private final SocketMedium medium;
  private final List<ByteBuffer> pending = new ArrayList<>();
  private long pendingBytes;
  private long written;

  RequestWriter(SocketMedium medium) {
    this.medium = medium;
  }

  /** Buffers {@code piece}, which the caller no longer changes. */
  void write(byte[] piece) throws IOException {
    write(ByteBuffer.wrap(piece));
  }

  /**
   * Buffers a body part as Breezy's {@code _write_prefixed_body} does: {@code b}, the length and
   * the bytes as three pieces, so that the 1 MiB rule flushes where Breezy's does; the bytes go to
   * the socket from where they are.
   */
  void writeBody(ByteString body) throws IOException {
    byte[] header = MessageEncoder.bodyHeader(body.length());
    write(ByteBuffer.wrap(header, 0, 1).slice());
    write(ByteBuffer.wrap(header, 1, header.length - 1).slice());
    write(body.asReadOnlyBuffer());
  }

  private void write(ByteBuffer piece) throws IOException {
    pending.add(piece);
    pendingBytes += piece.remaining();
    if (pendingBytes > BUFFER_SIZE) {
      flush();
    }
  }

  void flush() throws IOException {
    if (pending.isEmpty()) {
      return;
    }
    ByteBuffer[] pieces = pending.toArray(ByteBuffer[]::new);
    pending.clear();
    pendingBytes = 0;
    try {
      medium.write(pieces);
    } finally {
      for (ByteBuffer piece : pieces) {
        written += piece.position();
      }
    }
  }

  /** Bytes handed to the socket so far. */
  long written() {
    return written;
  }
}
