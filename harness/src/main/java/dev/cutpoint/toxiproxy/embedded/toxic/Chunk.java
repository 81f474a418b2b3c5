package dev.cutpoint.toxiproxy.embedded.toxic;

import java.nio.ByteBuffer;

/**
 * Bytes read from one side of a link, with the instant they were read (for latency). A chunk is
 * immutable; slicing shares the array.
 */
public final class Chunk implements Arrival {
  private final byte[] data;
  private final int offset;
  private final int length;
  private final long receivedAtNanos;

  private Chunk(byte[] data, int offset, int length, long receivedAtNanos) {
    this.data = data;
    this.offset = offset;
    this.length = length;
    this.receivedAtNanos = receivedAtNanos;
  }

  /** Copies the remaining bytes of {@code source} (the reader reuses its buffer). */
  public static Chunk copyOf(ByteBuffer source, long receivedAtNanos) {
    byte[] copy = new byte[source.remaining()];
    source.get(copy);
    return new Chunk(copy, 0, copy.length, receivedAtNanos);
  }

  public static Chunk of(byte[] data, long receivedAtNanos) {
    return new Chunk(data.clone(), 0, data.length, receivedAtNanos);
  }

  public int length() {
    return length;
  }

  /** {@link System#nanoTime()} when the bytes were read from the socket. */
  public long receivedAtNanos() {
    return receivedAtNanos;
  }

  public Chunk receivedAtNanos(long nanos) {
    return new Chunk(data, offset, length, nanos);
  }

  /** Bytes {@code [from, to)} of this chunk, same arrival time. */
  public Chunk slice(int from, int to) {
    if (from < 0 || to > length || from > to) {
      throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of " + length);
    }
    return new Chunk(data, offset + from, to - from, receivedAtNanos);
  }

  /** A read-only view for writing to a channel. */
  public ByteBuffer asByteBuffer() {
    return ByteBuffer.wrap(data, offset, length).asReadOnlyBuffer();
  }

  public byte[] toByteArray() {
    byte[] copy = new byte[length];
    System.arraycopy(data, offset, copy, 0, length);
    return copy;
  }
}
