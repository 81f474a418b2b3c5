package dev.cutpoint.drive.breezy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BreezyCallTest {

  /** The methods Breezy's RemoteTransport uses (breezy/transport/remote.py). */
  @ParameterizedTest
  @CsvSource({
    "hello, CALL",
    "get, CALL_EXPECTING_BODY",
    "has, CALL",
    "stat, CALL",
    "list_dir, CALL",
    "mkdir, CALL",
    "Branch.lock_write, CALL"
  })
  void bodilessVerbsAreSentAsRemoteTransportSendsThem(String verb, ClientMethod method) {
    assertThat(BreezyCall.of(verb, "a").method()).isEqualTo(method);
  }

  @ParameterizedTest
  @CsvSource({
    "put, CALL_WITH_BODY_BYTES",
    "append, CALL_WITH_BODY_BYTES",
    "put_non_atomic, CALL_WITH_BODY_BYTES",
    "readv, CALL_WITH_BODY_BYTES_EXPECTING_BODY"
  })
  void verbsWithBodiesAreSentAsRemoteTransportSendsThem(String verb, ClientMethod method) {
    assertThat(BreezyCall.withBody(verb, new byte[] {1}, "a").method()).isEqualTo(method);
  }

  @Test
  void comparesBodiesByContent() {
    assertThat(BreezyCall.withBody("put", new byte[] {1, 2}, "a", ""))
        .isEqualTo(BreezyCall.withBody("put", new byte[] {1, 2}, "a", ""))
        .isNotEqualTo(BreezyCall.withBody("put", new byte[] {1, 3}, "a", ""));
    assertThat(BreezyCall.withStream("s", List.of(new byte[] {1}), "a"))
        .isEqualTo(BreezyCall.withStream("s", List.of(new byte[] {1}), "a"))
        .hasSameHashCodeAs(BreezyCall.withStream("s", List.of(new byte[] {1}), "a"));
  }

  @Test
  void keepsItsBytesToItself() {
    byte[] body = {1, 2};
    BreezyCall call = BreezyCall.withBody("put", body, "a", "");
    body[0] = 9;
    call.body().orElseThrow()[1] = 9;

    assertThat(call.body()).contains(new byte[] {1, 2});
  }

  @Test
  void refusesAMethodThatDoesNotFitTheBody() {
    assertThatThrownBy(() -> BreezyCall.of("put", "a").using(ClientMethod.CALL_WITH_BODY_BYTES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs body");
    assertThatThrownBy(
            () -> new BreezyCall("get", List.of(), ClientMethod.CALL, Optional.of(new byte[0]), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new BreezyCall("get", List.of(), ClientMethod.CALL, Optional.empty(), List.of(new byte[0])))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void argumentsAreBytes() {
    assertThatThrownBy(() -> BreezyCall.of("get", "caf\u00e9\u0101"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("U+101");
    assertThat(ByteText.bytes(ByteText.of(new byte[] {(byte) 0xff, 0, 65})))
        .containsExactly(0xff, 0, 65);
  }
}
