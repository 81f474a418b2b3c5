package dev.cutpoint.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The request side of Breezy's {@code _ProtocolThreeEncoder}: pieces are buffered and go to the
 * socket when more than {@link #BUFFER_SIZE} bytes are waiting, and on every {@link #flush()}
 * (at the end of the message, before a body stream, after each chunk). Counts what reached the
 * socket, a failed flush included.
 */
final class RequestWriter {

  /** Breezy's {@code _ProtocolThreeEncoder.BUFFER_SIZE}: 1 MiB before flushing. */
  static final int BUFFER_SIZE = 1024 * 1024;

  private final SocketMedium medium;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private long written;

  RequestWriter(SocketMedium medium) {
    this.medium = medium;
  }

  void write(byte[] piece) throws IOException {
    buffer.writeBytes(piece);
    if (buffer.size() > BUFFER_SIZE) {
      flush();
    }
  }

  void flush() throws IOException {
    if (buffer.size() == 0) {
      return;
    }
    ByteBuffer pending = ByteBuffer.wrap(buffer.toByteArray());
    buffer.reset();
    try {
      medium.write(pending);
    } finally {
      written += pending.position();
    }
  }

  /** Bytes handed to the socket so far. */
  long written() {
    return written;
  }
}
