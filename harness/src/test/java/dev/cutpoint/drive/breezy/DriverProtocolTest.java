package dev.cutpoint.drive.breezy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The driver's JSON-lines protocol spoken raw: bad input gets a typed error, never a hang. */
class DriverProtocolTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static BreezyInstallation breezy;
  private DriverProcess driver;

  @BeforeAll
  static void requireBreezy() {
    breezy = InstalledBreezy.require();
  }

  @BeforeEach
  void start() {
    driver = DriverProcess.start(breezy);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{not json",
        "[1,2]",
        "{\"op\":\"fly\"}",
        "{\"op\":\"call\",\"id\":1,\"method\":\"call\",\"verb\":\"hello\",\"args\":[]}",
        "{\"op\":\"open\",\"host\":\"127.0.0.1\",\"port\":0,\"readTimeout\":1}",
        "{\"op\":\"open\",\"host\":\"127.0.0.1\",\"port\":4155,\"readTimeout\":-1}",
        "{\"op\":\"open\",\"host\":\"127.0.0.1\",\"port\":4155,\"readTimeout\":1,\"noretry\":1}",
        "\u00ff\u00fe garbage"
      })
  void badCommandsGetABadCommandErrorAndTheDriverCarriesOn(String line) throws IOException {
    JsonNode reply = exchange(line);

    assertThat(reply.path("reply").asText()).isEqualTo("error");
    assertThat(reply.path("type").asText()).isEqualTo("BadCommand");
    assertThat(reply.path("message").asText()).isNotBlank();
    assertThat(exchange("{\"op\":\"hello\"}").path("reply").asText()).isEqualTo("hello");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"op\":\"call\",\"id\":1,\"method\":\"call\",\"verb\":\"get\",\"args\":[\"\u0101\"]}",
        "{\"op\":\"call\",\"id\":1,\"method\":\"call\",\"verb\":\"get\",\"args\":\"a\"}",
        "{\"op\":\"call\",\"id\":1,\"method\":\"shout\",\"verb\":\"get\",\"args\":[]}",
        "{\"op\":\"call\",\"id\":\"1\",\"method\":\"call\",\"verb\":\"get\",\"args\":[]}",
        "{\"op\":\"call\",\"id\":1,\"method\":\"call_with_body_bytes\",\"verb\":\"put\",\"args\":[],"
            + "\"body\":\"not base64!\"}",
        "{\"op\":\"call\",\"id\":1,\"method\":\"call\",\"verb\":\"put\",\"args\":[],\"body\":\"\"}",
        "{\"op\":\"call\",\"id\":1,\"method\":\"call_with_body_stream\",\"verb\":\"s\",\"args\":[]}"
      })
  void badCallsAreRefusedBeforeBreezySeesThem(String call) throws IOException {
    exchange("{\"op\":\"open\",\"host\":\"127.0.0.1\",\"port\":9,\"readTimeout\":1}");

    JsonNode reply = exchange(call);

    assertThat(reply.path("type").asText()).isEqualTo("BadCommand");
  }

  @Test
  void aGateAnsweredWithAnythingButGoIsABadGateReply() throws IOException {
    try (ScriptedServer server =
        new ScriptedServer(List.of(ScriptedServer.answering(ScriptedServer.HELLO_RESPONSE)))) {
      exchange(
          "{\"op\":\"open\",\"host\":\"127.0.0.1\",\"port\":" + server.port()
              + ",\"readTimeout\":5}");
      driver.send(
          "{\"op\":\"call\",\"id\":1,\"method\":\"call\",\"verb\":\"hello\",\"args\":[]}", "call");
      JsonNode event = JSON.readTree(driver.receive(WAIT, "connect event"));
      assertThat(event.path("event").asText()).isEqualTo("connect");

      JsonNode reply = exchange("{\"go\":false}");

      assertThat(reply.path("type").asText()).isEqualTo("BadGateReply");
    }
  }

  /**
   * Stdin is read past the expire in one go here (three lines, one write): the expire of another
   * call is late and skipped, the call's own ends its wait, and the command behind them is neither
   * lost nor swallowed.
   */
  @Test
  void anExpireEndsTheWaitOfItsCallAndLeavesTheNextCommand() throws IOException {
    try (ScriptedServer server = new ScriptedServer(List.of(ScriptedServer.silent()))) {
      exchange(
          "{\"op\":\"open\",\"host\":\"127.0.0.1\",\"port\":" + server.port()
              + ",\"readTimeout\":60}");
      driver.send(
          "{\"op\":\"call\",\"id\":1,\"method\":\"call\",\"verb\":\"hello\",\"args\":[]}", "call");
      assertThat(JSON.readTree(driver.receive(WAIT, "connect event")).path("event").asText())
          .isEqualTo("connect");

      driver.send(
          "{\"go\":true}\n{\"op\":\"expire\",\"id\":99}\n{\"op\":\"expire\",\"id\":1}\n{\"op\":\"hello\"}",
          "go, expires and hello");
      JsonNode result = JSON.readTree(driver.receive(WAIT, "the call's result"));
      JsonNode hello = JSON.readTree(driver.receive(WAIT, "hello"));

      assertThat(result.path("outcome").path("type").asText()).isEqualTo("TimeoutError");
      assertThat(result.path("outcome").path("message").asText()).isEqualTo("timed out");
      assertThat(result.path("expired").asBoolean()).isTrue();
      assertThat(result.path("safetyNet").asBoolean()).isFalse();
      assertThat(result.path("elapsedMs").asDouble()).isLessThan(30_000);
      assertThat(hello.path("reply").asText()).isEqualTo("hello");
    }
  }

  /** An expire that comes too late (between calls, or at a gate) gets no reply and ends nothing. */
  @Test
  void aLateExpireIsIgnored() throws IOException {
    try (ScriptedServer server =
        new ScriptedServer(List.of(ScriptedServer.answering(ScriptedServer.HELLO_RESPONSE)))) {
      exchange(
          "{\"op\":\"open\",\"host\":\"127.0.0.1\",\"port\":" + server.port()
              + ",\"readTimeout\":60}");
      driver.send("{\"op\":\"expire\"}", "expire between calls");
      driver.send(
          "{\"op\":\"call\",\"id\":2,\"method\":\"call\",\"verb\":\"hello\",\"args\":[]}", "call");
      assertThat(JSON.readTree(driver.receive(WAIT, "connect event")).path("event").asText())
          .isEqualTo("connect");
      driver.send("{\"op\":\"expire\",\"id\":2}", "expire at the gate");

      JsonNode result = exchange("{\"go\":true}");

      assertThat(result.path("reply").asText()).isEqualTo("result");
      assertThat(result.path("outcome").path("kind").asText()).isEqualTo("response");
      assertThat(result.path("expired").asBoolean()).isFalse();
    }
  }

  /** A call nobody expires ends on the socket timeout, and says so. */
  @Test
  void aCallEndedByTheSocketTimeoutReportsTheSafetyNet() throws IOException {
    try (ScriptedServer server = new ScriptedServer(List.of(ScriptedServer.silent()))) {
      exchange(
          "{\"op\":\"open\",\"host\":\"127.0.0.1\",\"port\":" + server.port()
              + ",\"readTimeout\":0.3}");
      driver.send(
          "{\"op\":\"call\",\"id\":3,\"method\":\"call\",\"verb\":\"hello\",\"args\":[]}", "call");
      driver.receive(WAIT, "connect event");

      JsonNode result = exchange("{\"go\":true}");

      assertThat(result.path("outcome").path("type").asText()).isEqualTo("TimeoutError");
      assertThat(result.path("safetyNet").asBoolean()).isTrue();
      assertThat(result.path("expired").asBoolean()).isFalse();
    }
  }

  /** Closing the driver's input ends a call that waits on a black hole, without waiting it out. */
  @Test
  void endOfInputInTheMiddleOfACallEndsTheDriverCleanly() throws IOException {
    try (ScriptedServer server = new ScriptedServer(List.of(ScriptedServer.silent()))) {
      exchange(
          "{\"op\":\"open\",\"host\":\"127.0.0.1\",\"port\":" + server.port()
              + ",\"readTimeout\":60}");
      driver.send(
          "{\"op\":\"call\",\"id\":4,\"method\":\"call\",\"verb\":\"hello\",\"args\":[]}", "call");
      driver.receive(WAIT, "connect event");
      driver.send("{\"go\":true}", "go");

      driver.close();

      assertThatThrownBy(() -> driver.receive(WAIT, "after close"))
          .isInstanceOfSatisfying(
              DriverExited.class, e -> assertThat(e.exitCode()).hasValue(0));
    }
  }

  @Test
  void endOfInputEndsTheDriverCleanly() throws Exception {
    long pid = driver.pid();
    ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();

    driver.close();

    assertThat(handle.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
    assertThatThrownBy(() -> driver.receive(WAIT, "after close")).isInstanceOf(DriverExited.class);
  }

  @Test
  void aClientGetsTheDriversRefusalAsATypedErrorAndCarriesOn() {
    try (BreezyClient client = BreezyClient.start(breezy, ConnectionGate.OPEN, WAIT)) {
      assertThatThrownBy(() -> client.open("127.0.0.1", 0, ClientSettings.defaults()))
          .isInstanceOfSatisfying(
              DriverProtocolError.class, e -> assertThat(e.type()).isEqualTo("BadCommand"));
      assertThat(client.alive()).isTrue();
      assertThatThrownBy(() -> client.call(BreezyCall.of("hello")))
          .isInstanceOf(IllegalStateException.class);
      assertThat(client.disconnect()).isFalse();
    }
  }

  private JsonNode exchange(String line) throws IOException {
    driver.send(line, line);
    return JSON.readTree(driver.receive(WAIT, line));
  }
}
