package dev.cutpoint.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes v3 messages byte for byte as Breezy's {@code _ProtocolThreeEncoder} does. Besides whole
 * messages it hands out each piece on its own ({@link #preamble}, {@link #part}, {@link #end}),
 * so a client can write a body stream chunk by chunk and flush in between, and it computes the
 * {@link Layout} (lengths and offsets) of a message without encoding it.
 */
public final class MessageEncoder {

  /** Every v3 message starts with this line. */
  public static final ByteString VERSION_MARKER = ByteString.of("bzr message 3 (bzr 1.6)\n");

  private static final byte[] END = {'e'};

  private MessageEncoder() {}

  public static byte[] encode(Message message) {
    byte[] out = new byte[Math.toIntExact(layout(message).length())];
    int at = preambleInto(message.headers(), out, 0);
    for (Part part : message.parts()) {
      at = partInto(part, out, at);
    }
    out[at] = END[0];
    return out;
  }

  /**
   * Hands the encoding of {@code message} to {@code sink} piece by piece: the same bytes as
   * {@link #encode}, with each body passed on as it is, not copied.
   */
  public static void writeTo(Message message, ByteSink sink) {
    byte[] preamble = preamble(message.headers());
    sink.write(preamble, 0, preamble.length);
    for (Part part : message.parts()) {
      if (part instanceof Part.Body body) {
        byte[] header = bodyHeader(body.bytes().length());
        sink.write(header, 0, header.length);
        body.bytes().writeTo(sink);
      } else {
        byte[] bytes = part(part);
        sink.write(bytes, 0, bytes.length);
      }
    }
    sink.write(END, 0, END.length);
  }

  /** The version marker and the length-prefixed headers: what precedes the first part. */
  public static byte[] preamble(BDict headers) {
    byte[] out = new byte[preambleLength(headers)];
    preambleInto(headers, out, 0);
    return out;
  }

  /** One part: {@code o}+status, {@code s}+length+bencoded list, or {@code b}+length+bytes. */
  public static byte[] part(Part part) {
    byte[] out = new byte[partLength(part)];
    partInto(part, out, 0);
    return out;
  }

  private static int preambleInto(BDict headers, byte[] out, int at) {
    VERSION_MARKER.copyTo(out, at);
    at += VERSION_MARKER.length();
    putLength(out, at, Bencode.encodedLength(headers));
    return Bencode.encodeInto(headers, out, at + 4);
  }

  /** Writes {@code part} at {@code at}, its payload copied once; returns where it ended. */
  private static int partInto(Part part, byte[] out, int at) {
    if (part instanceof Part.StatusByte status) {
      out[at] = 'o';
      out[at + 1] = status.status().wire();
      return at + 2;
    }
    if (part instanceof Part.Args args) {
      out[at] = 's';
      putLength(out, at + 1, Bencode.encodedLength(args.args()));
      return Bencode.encodeInto(args.args(), out, at + 5);
    }
    ByteString bytes = ((Part.Body) part).bytes();
    out[at] = 'b';
    putLength(out, at + 1, bytes.length());
    bytes.copyTo(out, at + 5);
    return at + 5 + bytes.length();
  }

  /**
   * What precedes a body part's {@code length} bytes: {@code b} and the length. Breezy's encoder
   * writes the two apart too ({@code _write_prefixed_body}).
   */
  public static byte[] bodyHeader(int length) {
    byte[] out = new byte[5];
    out[0] = 'b';
    putLength(out, 1, length);
    return out;
  }

  /** The terminal {@code e}. */
  public static byte[] end() {
    return END.clone();
  }

  /** The encoded length of {@link #preamble}. */
  public static int preambleLength(BDict headers) {
    return VERSION_MARKER.length() + 4 + Bencode.encodedLength(headers);
  }

  /** The encoded length of {@link #part}. */
  public static int partLength(Part part) {
    if (part instanceof Part.StatusByte) {
      return 2;
    }
    if (part instanceof Part.Args args) {
      return 5 + Bencode.encodedLength(args.args());
    }
    return 5 + ((Part.Body) part).bytes().length();
  }

  /** Where each piece of {@code message} lies in its encoding. */
  public static Layout layout(Message message) {
    long offset = preambleLength(message.headers());
    List<Layout.PartSpan> spans = new ArrayList<>();
    for (Part part : message.parts()) {
      int length = partLength(part);
      spans.add(new Layout.PartSpan(part, offset, length));
      offset += length;
    }
    return new Layout(preambleLength(message.headers()), spans, offset);
  }

  private static void putLength(byte[] out, int at, int length) {
    out[at] = (byte) (length >>> 24);
    out[at + 1] = (byte) (length >>> 16);
    out[at + 2] = (byte) (length >>> 8);
    out[at + 3] = (byte) length;
  }
}
