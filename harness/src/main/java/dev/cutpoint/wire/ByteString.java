package dev.cutpoint.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * An immutable string of bytes: a bencoded string, a message body, a body chunk.
 *
 * <p>The protocol carries bytes, not text (paths are UTF-8 by convention, tokens and bodies are
 * arbitrary), so values compare by content and order as unsigned bytes, which is the order
 * bencode requires for dict keys.
 */
public final class ByteString implements BValue, Comparable<ByteString> {

  public static final ByteString EMPTY = new ByteString(new byte[0]);

  private final byte[] bytes;

  private ByteString(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The bytes, copied. */
  public static ByteString of(byte[] bytes) {
    return new ByteString(bytes.clone());
  }

  /** A slice of {@code bytes}, copied. */
  public static ByteString of(byte[] bytes, int offset, int length) {
    return new ByteString(Arrays.copyOfRange(bytes, offset, offset + length));
  }

  /** The UTF-8 encoding of {@code text}. */
  public static ByteString of(String text) {
    return new ByteString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The concatenation of {@code parts}; a single part is itself (it is immutable). */
  public static ByteString concat(List<ByteString> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    int length = 0;
    for (ByteString part : parts) {
      length = Math.addExact(length, part.bytes.length);
    }
    byte[] joined = new byte[length];
    int at = 0;
    for (ByteString part : parts) {
      System.arraycopy(part.bytes, 0, joined, at, part.bytes.length);
      at += part.bytes.length;
    }
    return new ByteString(joined);
  }

  /**
   * Takes {@code bytes} without copying them: only for an array just made, that nothing else holds
   * or changes afterwards (a payload of megabytes is then not copied on its way to the wire).
   */
  public static ByteString wrap(byte[] bytes) {
    return new ByteString(bytes);
  }

  public int length() {
    return bytes.length;
  }

  public byte byteAt(int index) {
    return bytes[index];
  }

  /** The bytes, copied. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** The bytes decoded as UTF-8 (malformed sequences become U+FFFD). */
  public String utf8() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Whether these bytes are {@code text} in UTF-8. */
  public boolean is(String text) {
    return Arrays.equals(bytes, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Hands the bytes to {@code sink} as they are, without copying them. */
  public void writeTo(ByteSink sink) {
    sink.write(bytes, 0, bytes.length);
  }

  /** The bytes as a read-only buffer over them, not a copy: a megabyte body goes to a socket as it is. */
  public ByteBuffer asReadOnlyBuffer() {
    return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
  }

  /** Writes the bytes into {@code target} at {@code offset}. */
  public void copyTo(byte[] target, int offset) {
    System.arraycopy(bytes, 0, target, offset, bytes.length);
  }

  @Override
  public int compareTo(ByteString other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ByteString that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Printable ASCII as is, everything else as {@code \xNN}; long values are elided. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("b'");
    int shown = Math.min(bytes.length, 64);
    for (int i = 0; i < shown; i++) {
      int b = bytes[i] & 0xff;
      if (b >= 0x20 && b < 0x7f && b != '\'' && b != '\\') {
        out.append((char) b);
      } else {
        out.append("\\x").append(HexFormat.of().toHexDigits((byte) b));
      }
    }
    if (shown < bytes.length) {
      out.append("...(").append(bytes.length).append(" bytes)");
    }
    return out.append('\'').toString();
  }
}
