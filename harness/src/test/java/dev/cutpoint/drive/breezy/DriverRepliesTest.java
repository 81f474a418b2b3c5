package dev.cutpoint.drive.breezy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutpoint.drive.breezy.DriverReplies.MalformedReply;
import dev.cutpoint.history.FailureSite;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DriverRepliesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A resend after a restart, as the driver reported it against brz serve. */
  private static final String RESENT_GET =
      """
      {"reply":"result","id":10,
       "outcome":{"kind":"response","args":["ok"],"body":"aGVsbG8="},
       "attempts":[
        {"attempt":1,"connection":1,"newConnection":false,"bytesWritten":72,
         "writeCompleted":true,"bytesRead":0,"endOfStream":true,"streamChunksSent":0,
         "bodyStreamStarted":null,
         "error":{"site":"read","type":"ConnectionReset","module":"breezy.errors",
                  "message":"Connection closed: Unexpected end of message."}},
        {"attempt":2,"connection":2,"newConnection":true,"bytesWritten":72,
         "writeCompleted":true,"bytesRead":86,"endOfStream":false,"streamChunksSent":0,
         "bodyStreamStarted":null,"error":null}],
       "warnings":["ConnectionReset reading response for b'get', retrying"],
       "expired":false,"safetyNet":true,"elapsedMs":7.349}
      """;

  @Test
  void readsACallRecord() throws Exception {
    CallRecord record = DriverReplies.callRecord(JSON.readTree(RESENT_GET));

    assertThat(record.callId()).isEqualTo(10);
    assertThat(record.outcome())
        .isEqualTo(new CallOutcome.Response(List.of("ok"), Optional.of("hello".getBytes())));
    assertThat(record.resends()).isEqualTo(1);
    assertThat(record.attempts().get(0))
        .isEqualTo(
            new AttemptRecord(
                1,
                OptionalLong.of(1),
                false,
                72,
                true,
                0,
                true,
                0,
                Optional.empty(),
                Optional.of(
                    new AttemptError(
                        FailureSite.READ,
                        "ConnectionReset",
                        "breezy.errors",
                        "Connection closed: Unexpected end of message."))));
    assertThat(record.attempts().get(1).error()).isEmpty();
    assertThat(record.warnings()).hasSize(1);
    assertThat(record.expired()).isFalse();
    assertThat(record.safetyNet()).isTrue();
    assertThat(record.elapsed()).isEqualTo(Duration.ofNanos(7_349_000));
  }

  @Test
  void readsServerErrorsAndExceptions() throws Exception {
    JsonNode serverError =
        JSON.readTree(
            "{\"reply\":\"result\",\"id\":1,\"outcome\":{\"kind\":\"serverError\","
                + "\"args\":[\"LockContention\"]},\"attempts\":[],\"warnings\":[],\"expired\":false,\"safetyNet\":false,\"elapsedMs\":1}");
    JsonNode exception =
        JSON.readTree(
            "{\"reply\":\"result\",\"id\":2,\"outcome\":{\"kind\":\"exception\","
                + "\"type\":\"TimeoutError\",\"module\":\"builtins\",\"message\":\"timed out\"},"
                + "\"attempts\":[],\"warnings\":[],\"expired\":true,\"safetyNet\":false,\"elapsedMs\":500}");

    assertThat(DriverReplies.callRecord(serverError).outcome())
        .isEqualTo(new CallOutcome.ServerError(List.of("LockContention")));
    assertThat(DriverReplies.callRecord(exception).outcome())
        .isEqualTo(new CallOutcome.ClientException("TimeoutError", "builtins", "timed out"));
    assertThat(DriverReplies.callRecord(exception).expired()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"id\":10, | \"id\":\"10\",",
        "\"kind\":\"response\" | \"kind\":\"teapot\"",
        "\"body\":\"aGVsbG8=\" | \"body\":\"%%%\"",
        "\"site\":\"read\" | \"site\":\"flush\"",
        "\"connection\":2 | \"connection\":\"two\"",
        "\"writeCompleted\":true,\"bytesRead\":0 | \"writeCompleted\":1,\"bytesRead\":0",
        "\"elapsedMs\":7.349 | \"elapsedMs\":\"fast\"",
        "\"args\":[\"ok\"] | \"args\":[\"\u0100\"]",
        "\"warnings\":[ | \"warnings\":[1,",
        "\"bytesWritten\":72, | \"bytesWritten\":-72,",
        "\"bodyStreamStarted\":null,\"error\":null} | \"error\":null}",
        "\"safetyNet\":true, | \"safetyNet\":\"yes\",",
        "\"expired\":false, | \"expire\":false,",
      })
  void anythingOffProtocolIsMalformed(String field, String replacement) {
    String broken = RESENT_GET.replace(field, replacement);
    assertThat(broken).isNotEqualTo(RESENT_GET);

    assertThatThrownBy(() -> DriverReplies.callRecord(JSON.readTree(broken)))
        .isInstanceOf(MalformedReply.class);
  }

  @Test
  void readsConnectEventsAndHellos() throws Exception {
    assertThat(
            DriverReplies.pendingConnect(
                JSON.readTree("{\"event\":\"connect\",\"id\":7,\"attempt\":2,\"connection\":4}")))
        .isEqualTo(new PendingConnect(7, 2, 4));
    JsonNode hello = JSON.readTree("{\"reply\":\"hello\",\"protocol\":1,\"client\":\"breezy/3.3.2\","
        + "\"headers\":{\"Software version\":\"3.3.2\"},\"pid\":9,\"python\":\"3.11.2\"}");
    assertThat(DriverReplies.protocol(hello)).hasValue(1);
    assertThat(DriverReplies.driverInfo(hello))
        .isEqualTo(new DriverInfo(1, "breezy/3.3.2", Map.of("Software version", "3.3.2"), 9));
  }

  @Test
  void aHelloWithoutAVersionOrWithBadHeadersIsRefused() throws Exception {
    assertThat(DriverReplies.protocol(JSON.readTree("{\"reply\":\"hello\",\"pid\":9}"))).isEmpty();
    assertThat(DriverReplies.protocol(JSON.readTree("{\"reply\":\"hello\",\"protocol\":\"1\"}"))).isEmpty();
    assertThatThrownBy(() -> DriverReplies.driverInfo(JSON.readTree(
            "{\"protocol\":1,\"client\":\"x/1\",\"headers\":{\"a\":3},\"pid\":9}")))
        .isInstanceOf(MalformedReply.class)
        .hasMessageContaining("headers.a");
    assertThatThrownBy(() -> DriverReplies.driverInfo(JSON.readTree(
            "{\"protocol\":1,\"client\":\"x/1\",\"headers\":{\"a\":\"\u0100\"},\"pid\":9}")))
        .isInstanceOf(MalformedReply.class)
        .hasMessageContaining("not a byte");
    assertThatThrownBy(() -> DriverReplies.driverInfo(JSON.readTree(
            "{\"protocol\":1,\"headers\":{},\"pid\":9}")))
        .isInstanceOf(MalformedReply.class)
        .hasMessageContaining("client");
  }
}
