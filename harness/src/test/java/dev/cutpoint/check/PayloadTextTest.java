package dev.cutpoint.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.history.Payload;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadTextTest {

  static String text(Payload... payloads) {
    StringBuilder out = new StringBuilder();
    for (Payload p : payloads) {
      out.append(new String(p.bytes(), StandardCharsets.ISO_8859_1));
    }
    return out.toString();
  }

  @Test
  void aFileReadsBackIntoThePayloadsThatMadeIt() {
    Payload a = Payload.generated("a", 30);
    Payload b = Payload.generated("b", 12);
    String content = text(a, b, a);
    assertThat(PayloadText.pieces(content))
        .containsExactly(new PayloadText.Piece("a", 30), new PayloadText.Piece("b", 12), new PayloadText.Piece("a", 30));
    assertThat(PayloadText.occurrences(content)).containsEntry("a", 2L).containsEntry("b", 1L);
    assertThat(PayloadText.describe(content)).isEqualTo("[a] [b] [a]");
    assertThat(PayloadText.partials(content, Map.of("a", a, "b", b))).isEmpty();
  }

  @Test
  void aPayloadCutShortIsAPartial() {
    Payload a = Payload.generated("a", 30);
    Payload b = Payload.generated("b", 12);
    String content = text(a).substring(0, 10) + text(b);
    assertThat(PayloadText.partials(content, Map.of("a", a, "b", b))).containsExactly(new PayloadText.Piece("a", 10));
  }

  @Test
  void contentWithoutMarkersIsDescribedByItsLength() {
    assertThat(PayloadText.describe("hello")).isEqualTo("5 bytes without payload markers");
    assertThat(PayloadText.describe("")).isEqualTo("empty");
  }
}
