package dev.cutpoint.wire;

/**
 * Where encoded bytes go piece by piece (a hash, a socket's queue), so that a message is hashed
 * or sent without being joined into one array first.
 */
@FunctionalInterface
public interface ByteSink {

  /** Takes {@code bytes[offset, offset+length)}; it must neither change nor keep the array. */
  void write(byte[] bytes, int offset, int length);
}
