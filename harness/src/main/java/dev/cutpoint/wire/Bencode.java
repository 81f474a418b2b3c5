package dev.cutpoint.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bencode as Breezy's {@code fastbencode} (the compiled {@code _bencode_pyx} Breezy 3.3.2 uses)
 * reads and writes it: canonical, so that a value has exactly one encoding.
 *
 * <p>Checked against {@code fastbencode.bdecode_as_tuple}: integers are {@code i}, an optional
 * {@code -}, ASCII digits and {@code e} (no {@code +}, no spaces, no {@code -0}, no leading
 * zeros); string lengths are ASCII digits without leading zeros; dict keys are byte strings in
 * strictly ascending unsigned order (a duplicate is "disordered" too); nothing may follow the
 * value. Where fastbencode is lax by accident (a length beyond 32 bits wraps and reads as empty),
 * this decoder rejects.
 */
public final class Bencode {

  /** Deeper nesting is refused: no verb uses more than two levels, and recursion must be bounded. */
  public static final int MAX_DEPTH = 64;

  private Bencode() {}

  public static byte[] encode(BValue value) {
    byte[] out = new byte[encodedLength(value)];
    encodeInto(value, out, 0);
    return out;
  }

  /**
   * Writes {@code value} into {@code out} from {@code at} (there must be {@link #encodedLength}
   * bytes of room) and returns where it ended: a message is encoded into one array, with no copy
   * of its megabyte strings on the way.
   */
  public static int encodeInto(BValue value, byte[] out, int at) {
    if (value instanceof ByteString s) {
      at = ascii(Integer.toString(s.length()), out, at);
      out[at++] = ':';
      s.copyTo(out, at);
      return at + s.length();
    }
    if (value instanceof BInt i) {
      out[at++] = 'i';
      at = ascii(Long.toString(i.value()), out, at);
      out[at++] = 'e';
      return at;
    }
    if (value instanceof BList l) {
      out[at++] = 'l';
      for (BValue item : l.items()) {
        at = encodeInto(item, out, at);
      }
    } else {
      out[at++] = 'd';
      for (Map.Entry<ByteString, BValue> entry : ((BDict) value).entries().entrySet()) {
        at = encodeInto(entry.getKey(), out, at);
        at = encodeInto(entry.getValue(), out, at);
      }
    }
    out[at++] = 'e';
    return at;
  }

  /** The length of {@link #encode}'s result, computed without encoding. */
  public static int encodedLength(BValue value) {
    if (value instanceof ByteString s) {
      return digits(s.length()) + 1 + s.length();
    }
    if (value instanceof BInt i) {
      return 2 + Long.toString(i.value()).length();
    }
    int length = 2;
    if (value instanceof BList l) {
      for (BValue item : l.items()) {
        length = Math.addExact(length, encodedLength(item));
      }
    } else {
      for (Map.Entry<ByteString, BValue> entry : ((BDict) value).entries().entrySet()) {
        length = Math.addExact(length, encodedLength(entry.getKey()) + encodedLength(entry.getValue()));
      }
    }
    return length;
  }

  private static int digits(int n) {
    return Integer.toString(n).length();
  }

  /** Writes ASCII {@code text} (digits, a sign) at {@code at}; returns where it ended. */
  private static int ascii(String text, byte[] out, int at) {
    for (int i = 0; i < text.length(); i++) {
      out[at++] = (byte) text.charAt(i);
    }
    return at;
  }

  /** Decodes exactly one value filling all of {@code bytes}; offsets in errors count from 0. */
  public static BValue decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  /** Decodes exactly one value filling {@code bytes[offset, offset+length)}; error offsets are relative to {@code offset}. */
  public static BValue decode(byte[] bytes, int offset, int length) {
    Reader reader = new Reader(bytes, offset, offset + length);
    BValue value = reader.value(0);
    if (reader.at != reader.end) {
      throw reader.error(ProtocolError.Kind.TRAILING_DATA, reader.at, (reader.end - reader.at) + " bytes left over");
    }
    return value;
  }

  private static final class Reader {
    private final byte[] bytes;
    private final int start;
    private final int end;
    private int at;

    Reader(byte[] bytes, int start, int end) {
      this.bytes = bytes;
      this.start = start;
      this.end = end;
      this.at = start;
    }

    ProtocolError error(ProtocolError.Kind kind, int position, String detail) {
      return new ProtocolError(kind, position - start, detail);
    }

    private int peek() {
      if (at >= end) {
        throw error(ProtocolError.Kind.TRUNCATED, at, "");
      }
      return bytes[at] & 0xff;
    }

    BValue value(int depth) {
      if (depth > MAX_DEPTH) {
        throw error(ProtocolError.Kind.TOO_DEEP, at, "more than " + MAX_DEPTH + " levels");
      }
      int type = peek();
      if (type == 'i') {
        return integer();
      }
      if (type == 'l') {
        return list(depth);
      }
      if (type == 'd') {
        return dict(depth);
      }
      if (type >= '0' && type <= '9') {
        return string();
      }
      throw error(ProtocolError.Kind.BAD_TYPE_BYTE, at, "0x" + Integer.toHexString(type));
    }

    private BInt integer() {
      at++;
      int first = at;
      boolean negative = peek() == '-';
      if (negative) {
        at++;
      }
      int digitsStart = at;
      while (peek() != 'e') {
        int c = peek();
        if (c < '0' || c > '9') {
          throw error(ProtocolError.Kind.BAD_INTEGER, at, "byte 0x" + Integer.toHexString(c));
        }
        at++;
      }
      int digitsEnd = at;
      at++;
      if (digitsEnd == digitsStart) {
        throw error(ProtocolError.Kind.BAD_INTEGER, first, "no digits");
      }
      if (bytes[digitsStart] == '0' && digitsEnd - digitsStart > 1) {
        throw error(ProtocolError.Kind.LEADING_ZERO, digitsStart, "");
      }
      if (negative && bytes[digitsStart] == '0') {
        throw error(ProtocolError.Kind.NEGATIVE_ZERO, first, "");
      }
      String text = new String(bytes, first, digitsEnd - first, StandardCharsets.US_ASCII);
      try {
        return new BInt(Long.parseLong(text));
      } catch (NumberFormatException e) {
        throw error(ProtocolError.Kind.INTEGER_OUT_OF_RANGE, first, text);
      }
    }

    private ByteString string() {
      int first = at;
      long length = 0;
      while (peek() != ':') {
        int c = peek();
        if (c < '0' || c > '9') {
          throw error(ProtocolError.Kind.BAD_LENGTH, at, "byte 0x" + Integer.toHexString(c));
        }
        length = length * 10 + (c - '0');
        if (length > Integer.MAX_VALUE) {
          throw error(ProtocolError.Kind.TRUNCATED, first, "length beyond the input");
        }
        at++;
      }
      if (bytes[first] == '0' && at - first > 1) {
        throw error(ProtocolError.Kind.LEADING_ZERO, first, "in a string length");
      }
      at++;
      if (length > end - at) {
        throw error(ProtocolError.Kind.TRUNCATED, first, "string of " + length + " bytes, " + (end - at) + " left");
      }
      ByteString value = ByteString.of(bytes, at, (int) length);
      at += (int) length;
      return value;
    }

    private BList list(int depth) {
      at++;
      List<BValue> items = new ArrayList<>();
      while (peek() != 'e') {
        items.add(value(depth + 1));
      }
      at++;
      return new BList(items);
    }

    private BDict dict(int depth) {
      at++;
      TreeMap<ByteString, BValue> entries = new TreeMap<>();
      ByteString last = null;
      while (peek() != 'e') {
        int keyAt = at;
        int c = peek();
        if (c < '0' || c > '9') {
          throw error(ProtocolError.Kind.KEY_NOT_STRING, at, "");
        }
        ByteString key = string();
        if (last != null && last.compareTo(key) >= 0) {
          throw error(ProtocolError.Kind.KEYS_NOT_SORTED, keyAt, key + " after " + last);
        }
        last = key;
        entries.put(key, value(depth + 1));
      }
      at++;
      return new BDict(entries);
    }
  }
}
