package dev.cutpoint.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageEncoderTest {

  /** Piece by piece, the same bytes as the whole encoding; each body handed on as it is, not copied. */
  @Test
  void writeToHandsOnTheBytesOfEncodeWithBodiesUncopied() {
    byte[] big = new byte[300_000];
    big[0] = 'x';
    big[big.length - 1] = 'y';
    List<Message> messages = List.of(
        Message.request("get", "d/f1"),
        Message.request(BList.ofStrings("insert_stream"), List.of(ByteString.of("l2:f03:abce"), ByteString.wrap(big))),
        Message.response(BDict.of("Software version", "cutpoint"), Status.SUCCESS, BList.ofStrings("ok"),
            List.of(ByteString.of("content"))),
        Message.failure("NoSuchFile", "d/f9"));
    for (Message message : messages) {
      ByteArrayOutputStream joined = new ByteArrayOutputStream();
      MessageEncoder.writeTo(message, joined::write);
      assertThat(joined.toByteArray()).isEqualTo(MessageEncoder.encode(message));
    }
    List<byte[]> handed = new ArrayList<>();
    MessageEncoder.writeTo(Message.request(BList.ofStrings("put", "f0", ""), List.of(ByteString.wrap(big))),
        (bytes, offset, length) -> handed.add(bytes));
    assertThat(handed).anySatisfy(bytes -> assertThat(bytes).isSameAs(big));
  }

  @Test
  void aBodyHeaderIsTheKindByteAndTheBigEndianLength() {
    assertThat(MessageEncoder.bodyHeader(0x01020304)).containsExactly('b', 1, 2, 3, 4);
    assertThat(MessageEncoder.part(new Part.Body(ByteString.of("abc"))))
        .startsWith(MessageEncoder.bodyHeader(3));
  }
}
