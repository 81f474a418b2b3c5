package dev.cutpoint.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bencode as Breezy's fastbencode: each rejected input below is rejected by {@code bdecode_as_tuple} too. */
class BencodeTest {

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  @ParameterizedTest(name = "{0} -> {1} at {2}")
  @CsvSource(delimiter = '|', value = {
    "i-0e                  | NEGATIVE_ZERO        | 1",
    "i00e                  | LEADING_ZERO         | 1",
    "i-05e                 | LEADING_ZERO         | 2",
    "i-e                   | BAD_INTEGER          | 1",
    "ie                    | BAD_INTEGER          | 1",
    "i+5e                  | BAD_INTEGER          | 1",
    "i5_0e                 | BAD_INTEGER          | 2",
    "i99999999999999999999e| INTEGER_OUT_OF_RANGE | 1",
    "03:abc                | LEADING_ZERO         | 0",
    "-1:                   | BAD_TYPE_BYTE        | 0",
    "1_0:aaaaaaaaaa        | BAD_LENGTH           | 1",
    "d1:b0:1:a0:e          | KEYS_NOT_SORTED      | 6",
    "d1:a0:1:a0:e          | KEYS_NOT_SORTED      | 6",
    "di1e0:e               | KEY_NOT_STRING       | 1",
    "i5ei6e                | TRAILING_DATA        | 3",
    "2:abc                 | TRAILING_DATA        | 4",
    "l                     | TRUNCATED            | 1",
    "l0:                   | TRUNCATED            | 3",
    "3:ab                  | TRUNCATED            | 0",
    "4294967296:           | TRUNCATED            | 0",
    "x                     | BAD_TYPE_BYTE        | 0",
  })
  void rejectsWhatFastbencodeRejects(String input, ProtocolError.Kind kind, long offset) {
    assertThatThrownBy(() -> Bencode.decode(ascii(input.strip())))
        .isInstanceOfSatisfying(ProtocolError.class, e -> {
          assertThat(e.kind()).isEqualTo(kind);
          assertThat(e.offset()).isEqualTo(offset);
        });
  }

  @Test
  void theEmptyInputIsTruncated() {
    assertThatThrownBy(() -> Bencode.decode(new byte[0]))
        .isInstanceOfSatisfying(ProtocolError.class, e -> assertThat(e.kind()).isEqualTo(ProtocolError.Kind.TRUNCATED));
  }

  @Test
  void nestingIsBounded() {
    String deep = "l".repeat(Bencode.MAX_DEPTH + 2) + "e".repeat(Bencode.MAX_DEPTH + 2);
    assertThatThrownBy(() -> Bencode.decode(ascii(deep)))
        .isInstanceOfSatisfying(ProtocolError.class, e -> assertThat(e.kind()).isEqualTo(ProtocolError.Kind.TOO_DEEP));
  }

  @Test
  void decodesWhatFastbencodeAccepts() {
    assertThat(Bencode.decode(ascii("i-5e"))).isEqualTo(new BInt(-5));
    assertThat(Bencode.decode(ascii("i0e"))).isEqualTo(new BInt(0));
    assertThat(Bencode.decode(ascii("0:"))).isEqualTo(ByteString.EMPTY);
    assertThat(Bencode.decode(ascii("le"))).isEqualTo(BList.EMPTY);
    assertThat(Bencode.decode(ascii("de"))).isEqualTo(BDict.EMPTY);
    assertThat(Bencode.decode(new byte[] {'1', ':', (byte) 0xff})).isEqualTo(ByteString.of(new byte[] {(byte) 0xff}));
    assertThat(Bencode.decode(ascii("d1:a0:1:bli1eee")))
        .isEqualTo(BDict.of(Map.of(ByteString.of("a"), ByteString.EMPTY, ByteString.of("b"), BList.of(new BInt(1)))));
  }

  @Test
  void dictKeysAreWrittenInUnsignedByteOrder() {
    BDict dict = BDict.of(Map.of(
        ByteString.of(new byte[] {(byte) 0x80}), ByteString.EMPTY,
        ByteString.of("a"), ByteString.EMPTY));
    byte[] encoded = Bencode.encode(dict);
    assertThat(encoded[3]).isEqualTo((byte) 'a');
    assertThat(Bencode.decode(encoded)).isEqualTo(dict);
  }

  @Property
  void encodingThenDecodingIsTheIdentityAndLengthIsExact(@ForAll("values") BValue value) {
    byte[] encoded = Bencode.encode(value);
    assertThat(Bencode.encodedLength(value)).isEqualTo(encoded.length);
    assertThat(Bencode.decode(encoded)).isEqualTo(value);
  }

  @Provide
  Arbitrary<BValue> values() {
    return Arbitraries.recursive(
        () -> Arbitraries.oneOf(
            Arbitraries.bytes().array(byte[].class).ofMaxSize(20).map(ByteString::of),
            Arbitraries.longs().map(BInt::new)),
        inner -> Arbitraries.oneOf(
            inner.list().ofMaxSize(4).map(BList::new),
            Arbitraries.maps(Arbitraries.bytes().array(byte[].class).ofMaxSize(6).map(ByteString::of), inner)
                .ofMaxSize(4).map(BDict::of)),
        0, 3);
  }
}
