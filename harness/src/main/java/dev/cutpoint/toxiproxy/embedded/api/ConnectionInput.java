package dev.cutpoint.toxiproxy.embedded.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A connection's input, buffered for one reader: the request head is read a byte at a time, and
 * the JDK's {@code BufferedInputStream} takes its lock for every byte (JDK 17), where only the
 * connection's own thread ever reads.
 */
final class ConnectionInput extends InputStream {
  private static final int BUFFER_BYTES = 8192;

  private final InputStream in;
  private final byte[] buffer = new byte[BUFFER_BYTES];
  private int position;
  private int limit;

  ConnectionInput(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position++] & 0xff;
  }

  @Override
  public int read(byte[] into, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, into.length);
    if (length == 0) {
      return 0;
    }
    if (position == limit) {
      if (length >= BUFFER_BYTES) {
        return in.read(into, offset, length); // a large read gains nothing from the copy
      }
      if (!fill()) {
        return -1;
      }
    }
    int count = Math.min(length, limit - position);
    System.arraycopy(buffer, position, into, offset, count);
    position += count;
    return count;
  }

  @Override
  public int available() throws IOException {
    return (limit - position) + in.available();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Reads what the socket has into the empty buffer; false at the end of the stream. */
  private boolean fill() throws IOException {
    int read = in.read(buffer, 0, BUFFER_BYTES); // blocks for at least one byte, or the end
    position = 0;
    limit = Math.max(read, 0);
    return read > 0;
  }
}
