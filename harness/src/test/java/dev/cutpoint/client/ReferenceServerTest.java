package dev.cutpoint.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cutpoint.history.JournalEntry;
import dev.cutpoint.server.MemoryStore;
import dev.cutpoint.server.ServerConfig;
import dev.cutpoint.server.SmartServer;
import dev.cutpoint.verbs.Verbs;
import dev.cutpoint.wire.BList;
import dev.cutpoint.wire.Bencode;
import dev.cutpoint.wire.ByteString;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Java client against the reference server: the stream verb, and its graceful restart. */
class ReferenceServerTest {

  private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
  private SmartServer server;
  private SmartClient client;

  @BeforeEach
  void start() throws Exception {
    server = SmartServer.start(new MemoryStore(), ServerConfig.loopback());
    client =
        new SmartClient(
            new TcpConnector(server.address()),
            ClientOptions.defaults().withTimeout(Duration.ofSeconds(10)),
            attempts::add);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static ByteString record(String path, String content) {
    return ByteString.of(Bencode.encode(BList.ofStrings(path, content)));
  }

  private static Request insertStream(ByteString... records) {
    return Request.of(Verbs.INSERT_STREAM, RequestBody.stream(BodyStream.of(List.of(records))));
  }

  @Test
  void aBodyStreamIsAppliedWhole() throws Exception {
    Response response = client.call(insertStream(record("a", "1"), record("b", "2")));

    assertThat(response.args()).isEqualTo(BList.ofStrings("ok", "2"));
    assertThat(client.call(Request.of(Verbs.GET, RequestBody.NONE, "b")).body()).isEqualTo(ByteString.of("2"));
  }

  @Test
  void aStreamCallAfterAGracefulRestartIsResentBeforeItsFirstChunk() throws Exception {
    client.call(Request.of(Verbs.HELLO, RequestBody.NONE));
    assertThat(server.gracefulRestart(Duration.ofSeconds(10))).isZero();

    Response response = client.call(insertStream(record("a", "1")));

    assertThat(response.args()).isEqualTo(BList.ofStrings("ok", "1"));
    Attempt stale = attempts.get(1);
    assertThat(stale.reusedConnection()).isTrue();
    assertThat(stale.failedAt()).contains(FailureSite.WRITE);
    assertThat(stale.bodyStreamStarted()).isFalse();
    assertThat(stale.decision()).contains(new RetryDecision(RetryReason.NOT_RECEIVED));
    assertThat(server.journal().snapshot().entries())
        .extracting(JournalEntry::verb)
        .containsExactly("hello", "insert_stream");
  }

  @Test
  void anAppendIntoAConnectionClosedByARestartFailsLoudlyAndDoesNotRun() throws Exception {
    client.call(Request.of(Verbs.HELLO, RequestBody.NONE));
    assertThat(server.gracefulRestart(Duration.ofSeconds(10))).isZero();

    // a small request into a closed connection is accepted by the socket buffers; the loss is
    // only seen on read, when the client can no longer know whether the server ran it
    ConnectionLost lost =
        catchThrowableOfType(
            ConnectionLost.class,
            () -> client.call(Request.of(Verbs.APPEND, RequestBody.of(ByteString.of("x")), "log", "")));

    assertThat(lost.site()).isEqualTo(FailureSite.READ);
    assertThat(lost.mayHaveExecuted()).isTrue();
    assertThat(lost.reason()).isEqualTo(RetryReason.MAY_HAVE_EXECUTED);
    assertThat(server.journal().snapshot().entries()).extracting(JournalEntry::verb).containsExactly("hello");
  }
}
