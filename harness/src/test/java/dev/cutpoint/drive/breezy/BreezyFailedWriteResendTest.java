package dev.cutpoint.drive.breezy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.drive.brzserve.BrzServe;
import dev.cutpoint.history.FailureSite;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 5, the intermittent I6 of {@code breezy-client} × mutate × WRITE/CLOSE under a
 * persistent fault, made deterministic. It is Breezy's, not the driver's: which way the case goes
 * depends only on whether the kernel let the whole request be written before the connection died.
 * The finding is {@code breezy-medium-wedged-after-a-failed-write-resend}.
 */
class BreezyFailedWriteResendTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final ClientSettings SETTINGS = new ClientSettings(Duration.ofSeconds(30), false);
  /** More than the loopback can hold unread (see {@link ScriptedServer#resetting()}). */
  private static final byte[] TOO_LARGE_TO_BUFFER = new byte[8 << 20];

  private static BreezyInstallation breezy;
  private final List<PendingConnect> connects = new CopyOnWriteArrayList<>();
  private BreezyClient client;
  private ScriptedServer server;

  @BeforeAll
  static void requireBreezy() {
    breezy = InstalledBreezy.require();
  }

  @AfterEach
  void stop() throws IOException {
    try {
      if (client != null) {
        client.close();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  /**
   * The write fails: {@code _send} resets the medium and resends even a mutate verb (client.py:
   * 269-292, the server cannot have had the whole request); the resend's write fails too and is
   * raised from inside that except block, where nothing resets the medium again. Its request stays
   * registered and the next call raises {@code TooManyConcurrentRequests} without sending a byte
   * (medium.py:1199-1200). Only a fresh medium recovers.
   */
  @Test
  void aWriteFailureWhoseResendFailsTooWedgesTheMediumEvenForAMutateVerb() throws IOException {
    server =
        new ScriptedServer(
            List.of(
                ScriptedServer.resetting(),
                ScriptedServer.resetting(),
                ScriptedServer.answering(ScriptedServer.HELLO_RESPONSE)));
    client = BreezyClient.start(breezy, connects::add, DEADLINE);
    client.open(BrzServe.HOST, server.port(), SETTINGS);

    CallRecord append = client.call(BreezyCall.withBody("append", TOO_LARGE_TO_BUFFER, "f", ""));
    CallRecord probe = client.call(BreezyCall.of("hello"));
    client.open(BrzServe.HOST, server.port(), SETTINGS);
    CallRecord fresh = client.call(BreezyCall.of("hello"));

    assertThat(append.outcome())
        .isInstanceOfSatisfying(
            CallOutcome.ClientException.class, e -> assertThat(e.type()).isEqualTo("ConnectionReset"));
    assertThat(append.attempts())
        .hasSize(2)
        .allSatisfy(
            attempt -> {
              assertThat(attempt.writeCompleted()).isFalse();
              assertThat(attempt.error()).map(AttemptError::site).contains(FailureSite.WRITE);
            });
    assertThat(append.warnings()).containsExactly("ConnectionReset calling b'append', retrying");
    assertThat(probe.outcome())
        .isInstanceOfSatisfying(
            CallOutcome.ClientException.class,
            e -> assertThat(e.type()).isEqualTo("TooManyConcurrentRequests"));
    assertThat(probe.attempts()).isEmpty();
    assertThat(fresh.outcome()).isEqualTo(new CallOutcome.Response(List.of("ok", "2"), Optional.empty()));
  }

  /**
   * The other way the same case goes: the request fits in the socket buffers, its write completes,
   * and the loss is seen on read, where {@code _call} resets the medium before it declines to
   * resend a mutate verb (client.py:189-194). The medium is clean and the next call goes out.
   */
  @Test
  void theSameLossSeenOnReadLeavesTheMediumUsable() throws IOException {
    server =
        new ScriptedServer(
            List.of(
                ScriptedServer.readingThenClosing(),
                ScriptedServer.answering(ScriptedServer.HELLO_RESPONSE)));
    client = BreezyClient.start(breezy, connects::add, DEADLINE);
    client.open(BrzServe.HOST, server.port(), SETTINGS);

    CallRecord append = client.call(BreezyCall.withBody("append", new byte[1024], "f", ""));
    CallRecord probe = client.call(BreezyCall.of("hello"));

    assertThat(append.outcome())
        .isInstanceOfSatisfying(
            CallOutcome.ClientException.class, e -> assertThat(e.type()).isEqualTo("ConnectionReset"));
    assertThat(append.attempts())
        .singleElement()
        .satisfies(
            attempt -> {
              assertThat(attempt.writeCompleted()).isTrue();
              assertThat(attempt.error()).map(AttemptError::site).contains(FailureSite.READ);
            });
    assertThat(probe.outcome()).isEqualTo(new CallOutcome.Response(List.of("ok", "2"), Optional.empty()));
  }
}
