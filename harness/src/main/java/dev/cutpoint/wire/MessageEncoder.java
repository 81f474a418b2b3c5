package dev.cutpoint.wire;

import java.io.ByteArrayOutputStream;
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
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.toIntExact(layout(message).length()));
    out.writeBytes(preamble(message.headers()));
    message.parts().forEach(part -> out.writeBytes(part(part)));
    out.writeBytes(END);
    return out.toByteArray();
  }

  /** The version marker and the length-prefixed headers: what precedes the first part. */
  public static byte[] preamble(BDict headers) {
    byte[] bencoded = Bencode.encode(headers);
    byte[] out = new byte[VERSION_MARKER.length() + 4 + bencoded.length];
    VERSION_MARKER.copyTo(out, 0);
    putLength(out, VERSION_MARKER.length(), bencoded.length);
    System.arraycopy(bencoded, 0, out, VERSION_MARKER.length() + 4, bencoded.length);
    return out;
  }

  /** One part: {@code o}+status, {@code s}+length+bencoded list, or {@code b}+length+bytes. */
  public static byte[] part(Part part) {
    if (part instanceof Part.StatusByte status) {
      return new byte[] {'o', status.status().wire()};
    }
    byte[] payload;
    byte kind;
    if (part instanceof Part.Args args) {
      payload = Bencode.encode(args.args());
      kind = 's';
    } else {
      payload = ((Part.Body) part).bytes().toByteArray();
      kind = 'b';
    }
    byte[] out = new byte[5 + payload.length];
    out[0] = kind;
    putLength(out, 1, payload.length);
    System.arraycopy(payload, 0, out, 5, payload.length);
    return out;
  }

  /** A body part ({@code b}+length+bytes): one chunk of a body stream. */
  public static byte[] bodyChunk(ByteString chunk) {
    return part(new Part.Body(chunk));
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
