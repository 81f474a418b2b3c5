package dev.cutpoint.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cutpoint.verbs.Verbs;
import dev.cutpoint.wire.ByteString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bug 819604 against the real server: {@code brz serve} restarts between two calls on one kept
 * connection (a live upgrade). The read verb costs one resend; with {@code noretry} it fails.
 */
class BreezyRestartTest {

  @TempDir Path temp;

  private final List<Attempt> attempts = new CopyOnWriteArrayList<>();

  @Test
  void aGetAfterARestartIsResentOnce() throws Exception {
    Path root = Files.createDirectories(temp.resolve("served"));
    Files.writeString(root.resolve("f"), "content");
    try (Restarting servers = new Restarting(root);
        SmartClient client = new SmartClient(servers.connector, options(), attempts::add)) {
      assertThat(client.call(Request.of(Verbs.GET, RequestBody.NONE, "f")).body()).isEqualTo(ByteString.of("content"));
      servers.restart();

      assertThat(client.call(Request.of(Verbs.GET, RequestBody.NONE, "f")).body()).isEqualTo(ByteString.of("content"));
    }
    assertThat(attempts).hasSize(3);
    Attempt stale = attempts.get(1);
    assertThat(stale.reusedConnection()).isTrue();
    assertThat(stale.failedAt()).isPresent();
    assertThat(stale.resent()).isTrue();
    assertThat(attempts.get(2).connectionId()).hasValue(2);
  }

  @Test
  void withNoRetryTheFirstCallAfterARestartFails() throws Exception {
    Path root = Files.createDirectories(temp.resolve("served"));
    Files.writeString(root.resolve("f"), "content");
    try (Restarting servers = new Restarting(root);
        SmartClient client = new SmartClient(servers.connector, options().withNoRetry(true), attempts::add)) {
      client.call(Request.of(Verbs.GET, RequestBody.NONE, "f"));
      servers.restart();

      ConnectionLost lost =
          catchThrowableOfType(ConnectionLost.class, () -> client.call(Request.of(Verbs.GET, RequestBody.NONE, "f")));

      assertThat(lost.reason()).isEqualTo(RetryReason.NO_RETRY);
      // the client works for the next call, on a new connection
      assertThat(client.call(Request.of(Verbs.GET, RequestBody.NONE, "f")).body()).isEqualTo(ByteString.of("content"));
    }
  }

  private static ClientOptions options() {
    return ClientOptions.defaults().withTimeout(Duration.ofSeconds(30));
  }

  /** A brz serve that can be stopped and started again on the same port. */
  private static final class Restarting implements AutoCloseable {
    private final Path root;
    private BreezyServe current;
    final TcpConnector connector;

    Restarting(Path root) throws Exception {
      this.root = root;
      current = BreezyServe.start(root);
      connector = current.connector();
    }

    void restart() throws Exception {
      int port = current.port();
      current.close();
      current = BreezyServe.start(root, port);
    }

    @Override
    public void close() throws Exception {
      current.close();
    }
  }
}
