package dev.cutpoint.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed input is a typed {@link ProtocolError} naming what and where, never a guess. */
class MessageDecoderTest {

  private static final String MARKER = "bzr message 3 (bzr 1.6)\n";
  /** Marker + empty headers: 24 + 4 + 2 bytes, so the first part starts at byte 30. */
  private static final String PREAMBLE = MARKER + "\0\0\0\u0002de";

  /** Builds raw bytes from text where {@code [n]} is a 4-byte big-endian length. */
  private static byte[] raw(String... pieces) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String piece : pieces) {
      if (piece.startsWith("[") && piece.endsWith("]")) {
        int n = Integer.parseInt(piece.substring(1, piece.length() - 1));
        out.writeBytes(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
      } else {
        out.writeBytes(piece.getBytes(StandardCharsets.ISO_8859_1));
      }
    }
    return out.toByteArray();
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("version 2 marker", Direction.REQUEST, raw("bzr request 2\n"), ProtocolError.Kind.BAD_VERSION_MARKER, 4),
        Arguments.of("version 1 request", Direction.REQUEST, raw("hello\n"), ProtocolError.Kind.BAD_VERSION_MARKER, 0),
        Arguments.of("headers not a dict", Direction.REQUEST, raw(MARKER, "[2]", "le", "s", "[9]", "l5:helloe", "e"),
            ProtocolError.Kind.HEADERS_NOT_DICT, 28),
        Arguments.of("headers not bencoded", Direction.REQUEST, raw(MARKER, "[2]", "dx"), ProtocolError.Kind.KEY_NOT_STRING, 29),
        Arguments.of("header keys unsorted", Direction.REQUEST, raw(MARKER, "[12]", "d1:b0:1:a0:e"),
            ProtocolError.Kind.KEYS_NOT_SORTED, 34),
        Arguments.of("unknown part kind", Direction.REQUEST, raw(PREAMBLE, "x"), ProtocolError.Kind.BAD_PART_KIND, 30),
        Arguments.of("unknown status byte", Direction.RESPONSE, raw(PREAMBLE, "oX"), ProtocolError.Kind.BAD_STATUS, 31),
        Arguments.of("request: status before arguments", Direction.REQUEST, raw(PREAMBLE, "oS"), ProtocolError.Kind.UNEXPECTED_PART, 30),
        Arguments.of("request: body before arguments", Direction.REQUEST, raw(PREAMBLE, "b", "[1]", "x"), ProtocolError.Kind.UNEXPECTED_PART, 30),
        Arguments.of("request: end before arguments", Direction.REQUEST, raw(PREAMBLE, "e"), ProtocolError.Kind.PREMATURE_END, 30),
        Arguments.of("request: arguments twice", Direction.REQUEST, raw(PREAMBLE, "s", "[9]", "l5:helloe", "s", "[2]", "le"),
            ProtocolError.Kind.UNEXPECTED_PART, 44),
        Arguments.of("request: no verb", Direction.REQUEST, raw(PREAMBLE, "s", "[2]", "le"), ProtocolError.Kind.BAD_ARGUMENTS, 30),
        Arguments.of("request: arguments not a list", Direction.REQUEST, raw(PREAMBLE, "s", "[3]", "i5e"), ProtocolError.Kind.ARGS_NOT_LIST, 35),
        Arguments.of("request: error status without error arguments", Direction.REQUEST,
            raw(PREAMBLE, "s", "[9]", "l5:helloe", "oE", "e"), ProtocolError.Kind.PREMATURE_END, 46),
        Arguments.of("request: body after success status", Direction.REQUEST,
            raw(PREAMBLE, "s", "[9]", "l5:helloe", "oS", "b", "[0]"), ProtocolError.Kind.UNEXPECTED_PART, 46),
        Arguments.of("response: no status", Direction.RESPONSE, raw(PREAMBLE, "s", "[6]", "l2:oke"), ProtocolError.Kind.UNEXPECTED_PART, 30),
        Arguments.of("response: body before arguments", Direction.RESPONSE, raw(PREAMBLE, "oS", "b", "[0]"), ProtocolError.Kind.UNEXPECTED_PART, 32),
        Arguments.of("response: end before arguments", Direction.RESPONSE, raw(PREAMBLE, "oS", "e"), ProtocolError.Kind.PREMATURE_END, 32),
        Arguments.of("response: stream error before any body part", Direction.RESPONSE,
            raw(PREAMBLE, "oS", "s", "[6]", "l2:oke", "oE"), ProtocolError.Kind.UNEXPECTED_PART, 43),
        Arguments.of("response: stream error without arguments", Direction.RESPONSE,
            raw(PREAMBLE, "oS", "s", "[6]", "l2:oke", "b", "[1]", "x", "oE", "e"), ProtocolError.Kind.PREMATURE_END, 51),
        Arguments.of("response: two statuses", Direction.RESPONSE, raw(PREAMBLE, "oS", "oS"), ProtocolError.Kind.UNEXPECTED_PART, 32),
        Arguments.of("arguments: leading zero", Direction.REQUEST, raw(PREAMBLE, "s", "[13]", "l5:helloi05ee"), ProtocolError.Kind.LEADING_ZERO, 44),
        Arguments.of("arguments: negative zero", Direction.REQUEST, raw(PREAMBLE, "s", "[13]", "l5:helloi-0ee"), ProtocolError.Kind.NEGATIVE_ZERO, 44),
        Arguments.of("arguments: string length with leading zero", Direction.REQUEST, raw(PREAMBLE, "s", "[10]", "l05:helloe"),
            ProtocolError.Kind.LEADING_ZERO, 36),
        Arguments.of("arguments: trailing junk", Direction.REQUEST, raw(PREAMBLE, "s", "[10]", "l5:helloex"), ProtocolError.Kind.TRAILING_DATA, 44),
        Arguments.of("arguments: string longer than the part", Direction.REQUEST, raw(PREAMBLE, "s", "[9]", "l9:helloe"),
            ProtocolError.Kind.TRUNCATED, 36),
        Arguments.of("arguments: list never closed", Direction.REQUEST, raw(PREAMBLE, "s", "[8]", "l5:hello"), ProtocolError.Kind.TRUNCATED, 43));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void rejectsMalformedInputWithAProtocolErrorAtTheOffendingByte(
      String name, Direction direction, byte[] bytes, ProtocolError.Kind kind, long offset) {
    assertThatThrownBy(() -> new MessageDecoder(direction).feed(bytes))
        .isInstanceOfSatisfying(ProtocolError.class, e -> {
          assertThat(e.kind()).isEqualTo(kind);
          assertThat(e.offset()).isEqualTo(offset);
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void rejectsMalformedInputFedOneByteAtATime(
      String name, Direction direction, byte[] bytes, ProtocolError.Kind kind, long offset) {
    MessageDecoder decoder = new MessageDecoder(direction);
    assertThatThrownBy(() -> {
          for (int i = 0; i < bytes.length; i++) {
            decoder.feed(bytes, i, 1);
          }
        })
        .isInstanceOfSatisfying(ProtocolError.class, e -> {
          assertThat(e.kind()).isEqualTo(kind);
          assertThat(e.offset()).isEqualTo(offset);
        });
  }

  @Test
  void aLengthBeyondTheMaximumIsRefusedBeforeItsBytesArrive() {
    MessageDecoder decoder = new MessageDecoder(Direction.REQUEST, 1024);
    byte[] header = raw(PREAMBLE, "s", "[7]", "l3:pute", "b");
    decoder.feed(header);
    byte[] hugeLength = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xf0};
    assertThatThrownBy(() -> decoder.feed(hugeLength))
        .isInstanceOfSatisfying(ProtocolError.class, e -> {
          assertThat(e.kind()).isEqualTo(ProtocolError.Kind.MESSAGE_TOO_LARGE);
          assertThat(e.offset()).isEqualTo(header.length);
        });
  }

  @Test
  void aBodyStreamPastTheMaximumIsRefused() {
    MessageDecoder decoder = new MessageDecoder(Direction.REQUEST, 100);
    decoder.feed(raw(PREAMBLE, "s", "[7]", "l3:pute"));
    byte[] chunk = raw("b", "[20]", "x".repeat(20));
    decoder.feed(chunk);
    decoder.feed(chunk);
    assertThatThrownBy(() -> decoder.feed(chunk))
        .isInstanceOfSatisfying(ProtocolError.class, e -> assertThat(e.kind()).isEqualTo(ProtocolError.Kind.MESSAGE_TOO_LARGE));
  }

  @Test
  void aMessageOfExactlyTheMaximumSizeIsAccepted() {
    byte[] hello = MessageEncoder.encode(Message.request("hello"));
    assertThat(new MessageDecoder(Direction.REQUEST, hello.length).feed(hello)).hasSize(1);
    assertThatThrownBy(() -> new MessageDecoder(Direction.REQUEST, hello.length - 1).feed(hello))
        .isInstanceOfSatisfying(ProtocolError.class, e -> assertThat(e.kind()).isEqualTo(ProtocolError.Kind.MESSAGE_TOO_LARGE));
  }

  @Test
  void aBrokenDecoderStaysBroken() {
    MessageDecoder decoder = new MessageDecoder(Direction.REQUEST);
    assertThatThrownBy(() -> decoder.feed(raw("x"))).isInstanceOf(ProtocolError.class);
    assertThatThrownBy(() -> decoder.feed(MessageEncoder.encode(Message.request("hello"))))
        .isInstanceOf(ProtocolError.class);
    assertThat(decoder.failure()).isPresent();
  }

  @Test
  void aWholeMessageBeforeGarbageInTheSameSliceIsStillDelivered() {
    MessageDecoder decoder = new MessageDecoder(Direction.REQUEST);
    byte[] hello = MessageEncoder.encode(Message.request("hello"));
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    both.writeBytes(hello);
    both.writeBytes(raw("garbage"));
    assertThat(decoder.feed(both.toByteArray())).containsExactly(Message.request("hello"));
    assertThat(decoder.failure()).get().extracting(ProtocolError::kind).isEqualTo(ProtocolError.Kind.BAD_VERSION_MARKER);
    assertThatThrownBy(() -> decoder.feed(new byte[0])).isInstanceOf(ProtocolError.class);
  }

  @Test
  void anEmptyBodyIsABodyAndNoBodyIsNone() {
    Message empty = Message.request(BList.ofStrings("put", "a", ""), List.of(ByteString.EMPTY));
    Message none = Message.request("put", "a", "");
    assertThat(empty).isNotEqualTo(none);
    assertThat(new MessageDecoder(Direction.REQUEST).feed(MessageEncoder.encode(empty))).containsExactly(empty);
    assertThat(empty.hasBody()).isTrue();
    assertThat(none.hasBody()).isFalse();
  }

  @Test
  void partialOffersTheCompletePartsOfAMessageMissingItsEnd() {
    Message put = Message.request(BList.ofStrings("put", "a.txt", ""), List.of(ByteString.of("hello")));
    byte[] bytes = MessageEncoder.encode(put);
    MessageDecoder decoder = new MessageDecoder(Direction.REQUEST);
    decoder.feed(bytes, 0, bytes.length - 1);
    assertThat(decoder.partial()).contains(put);

    MessageDecoder early = new MessageDecoder(Direction.REQUEST);
    early.feed(bytes, 0, 40);
    assertThat(early.partial()).isEmpty();
  }

  @Test
  void aResponseEndingItsStreamWithAnErrorReportsIt() {
    byte[] bytes = raw(PREAMBLE, "oS", "s", "[6]", "l2:oke", "b", "[5]", "part1", "oE", "s", "[15]", "l10:NoSuchFilee", "e");
    Message response = new MessageDecoder(Direction.RESPONSE).feed(bytes).get(0);
    assertThat(response.status()).contains(Status.SUCCESS);
    assertThat(response.bodyChunks()).containsExactly(ByteString.of("part1"));
    assertThat(response.bodyError()).contains(BList.ofStrings("NoSuchFile"));
    assertThat(response.isSuccess()).isFalse();
    assertThat(MessageEncoder.encode(response)).isEqualTo(bytes);
  }
}
