package dev.cutpoint.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Byte-identical to every message Breezy 3.3.2 wrote (SPEC §3, {@code wire-v3.json}). */
class WireVectorsTest {

  private static final BDict BREEZY_HEADERS = BDict.of("Software version", "3.3.2");

  /** Each vector as built from values, the way the client and server build them. */
  private static final Map<String, Message> EXPECTED = Map.ofEntries(
      Map.entry("hello request", Message.request("hello")),
      Map.entry("get request", Message.request("get", "dir/a.txt")),
      Map.entry("put request with body",
          Message.request(BList.ofStrings("put", "a.txt", ""), List.of(ByteString.of("hello world")))),
      Map.entry("append request with body",
          Message.request(BList.ofStrings("append", "a.txt", ""), List.of(ByteString.of("!!")))),
      Map.entry("mkdir request", Message.request("mkdir", "newdir", "")),
      Map.entry("body stream request (two chunks)",
          Message.request(BList.ofStrings("Repository.insert_stream_1.19", "repo/", "token"),
              List.of(ByteString.of("chunk-one"), ByteString.of("chunk-two")))),
      Map.entry("readv request",
          Message.request(BList.ofStrings("readv", "a.txt"), List.of(ByteString.of("0,5\n6,5")))),
      Map.entry("hello response",
          Message.response(BREEZY_HEADERS, Status.SUCCESS, BList.ofStrings("ok", "2"), List.of())),
      Map.entry("get response with body",
          Message.response(BREEZY_HEADERS, Status.SUCCESS, BList.ofStrings("ok"), List.of(ByteString.of("hello world")))),
      Map.entry("append response",
          Message.response(BREEZY_HEADERS, Status.SUCCESS, BList.ofStrings("appended", "11"), List.of())),
      Map.entry("streamed response body",
          Message.response(BREEZY_HEADERS, Status.SUCCESS, BList.ofStrings("ok"),
              List.of(ByteString.of("part1"), ByteString.of("part2")))),
      Map.entry("error response NoSuchFile",
          Message.response(BREEZY_HEADERS, Status.ERROR, BList.ofStrings("NoSuchFile", "missing.txt"), List.of())));

  static List<WireVectors> vectors() {
    return WireVectors.all();
  }

  @Test
  void everyVectorHasAnExpectedMessage() {
    assertThat(vectors()).extracting(WireVectors::name).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void encodesByteIdenticallyToBreezy(WireVectors vector) {
    Message message = EXPECTED.get(vector.name());
    assertThat(MessageEncoder.encode(message)).isEqualTo(vector.bytes());
    assertThat(MessageEncoder.layout(message).length()).isEqualTo(vector.length());
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void decodesToTheExpectedMessage(WireVectors vector) {
    List<Message> decoded = new MessageDecoder(vector.direction()).feed(vector.bytes());
    assertThat(decoded).containsExactly(EXPECTED.get(vector.name()));
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void decodesOneByteAtATime(WireVectors vector) {
    MessageDecoder decoder = new MessageDecoder(vector.direction());
    byte[] bytes = vector.bytes();
    for (int i = 0; i < bytes.length - 1; i++) {
      assertThat(decoder.feed(bytes, i, 1)).isEmpty();
      assertThat(decoder.inMessage()).isTrue();
    }
    assertThat(decoder.feed(bytes, bytes.length - 1, 1)).containsExactly(EXPECTED.get(vector.name()));
    assertThat(decoder.inMessage()).isFalse();
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void piecewiseEncodingEqualsTheWholeAndTheLayoutPointsAtEachPiece(WireVectors vector) {
    Message message = EXPECTED.get(vector.name());
    Layout layout = MessageEncoder.layout(message);
    byte[] bytes = vector.bytes();
    byte[] preamble = MessageEncoder.preamble(message.headers());
    assertThat(layout.preambleLength()).isEqualTo(preamble.length);
    assertThat(java.util.Arrays.copyOfRange(bytes, 0, preamble.length)).isEqualTo(preamble);
    for (Layout.PartSpan span : layout.parts()) {
      byte[] piece = MessageEncoder.part(span.part());
      assertThat(piece.length).isEqualTo(span.length());
      assertThat(java.util.Arrays.copyOfRange(bytes, (int) span.offset(), (int) (span.offset() + span.length())))
          .isEqualTo(piece);
    }
    assertThat(bytes[(int) layout.endOffset()]).isEqualTo((byte) 'e');
    assertThat(layout.endOffset()).isEqualTo(bytes.length - 1);
  }
}
