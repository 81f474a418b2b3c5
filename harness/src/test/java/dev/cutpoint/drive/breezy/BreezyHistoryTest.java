package dev.cutpoint.drive.breezy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.drive.brzserve.ServedState;
import dev.cutpoint.history.Attempt;
import dev.cutpoint.history.Call;
import dev.cutpoint.history.Digest;
import dev.cutpoint.history.FailureSite;
import dev.cutpoint.history.HeldLock;
import dev.cutpoint.history.MayHaveExecuted;
import dev.cutpoint.history.OutcomeKind;
import dev.cutpoint.history.Reply;
import dev.cutpoint.history.ServerState;
import dev.cutpoint.history.StateEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class BreezyHistoryTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final AttemptError RESET =
      new AttemptError(
          FailureSite.READ, "ConnectionReset", "breezy.errors",
          "Connection closed: Unexpected end of message. Please check connectivity and permissions,"
              + " and report a bug if problems persist. ");
  private static final String WARNING = "ConnectionReset reading response for b'get', retrying";

  @Test
  void aResendIsAFailedAttemptWithBreezysWarningThenAReply() {
    CallRecord record =
        new CallRecord(
            3,
            new CallOutcome.Response(List.of("ok"), Optional.of(bytes("payload"))),
            List.of(attempt(1, 1, false, Optional.of(RESET)), attempt(2, 2, true, Optional.empty())),
            List.of(WARNING),
            false,
            false,
            Duration.ofMillis(7));

    Call call = BreezyHistory.call(record, 4, TIMEOUT);

    assertThat(call.requestIndex()).isEqualTo(4);
    assertThat(call.timeoutMillis()).isEqualTo(5000);
    assertThat(call.elapsedMillis()).isEqualTo(7);
    assertThat(call.outcome().kind()).isEqualTo(OutcomeKind.SUCCESS);
    assertThat(call.outcome().reply())
        .contains(Reply.success(List.of("ok"), Digest.of(bytes("payload"))));
    Attempt first = call.attempts().get(0);
    assertThat(first.connectionId()).isEqualTo("1");
    assertThat(first.failure().orElseThrow().site()).isEqualTo(FailureSite.READ);
    assertThat(first.failure().orElseThrow().error().mayHaveExecuted())
        .isEqualTo(MayHaveExecuted.YES);
    assertThat(first.decision().orElseThrow().resend()).isTrue();
    assertThat(first.decision().orElseThrow().reason()).isEqualTo(WARNING);
    assertThat(call.attempts().get(1).connectionId()).isEqualTo("2");
    assertThat(call.attempts().get(1).reply()).isPresent();
  }

  @Test
  void aCallBreezyGaveUpOnEndsInItsException() {
    CallRecord record =
        new CallRecord(
            1,
            new CallOutcome.ClientException("ConnectionReset", "breezy.errors", "Connection closed"),
            List.of(attempt(1, 1, false, Optional.of(RESET))),
            List.of(),
            false,
            false,
            Duration.ofMillis(2));

    Call call = BreezyHistory.call(record, 0, TIMEOUT);

    assertThat(call.outcome().kind()).isEqualTo(OutcomeKind.FAILED);
    assertThat(call.outcome().error().orElseThrow().type()).isEqualTo("ConnectionReset");
    assertThat(call.attempts()).singleElement().satisfies(a -> {
      assertThat(a.decision().orElseThrow().resend()).isFalse();
      assertThat(a.decision().orElseThrow().reason()).contains("ConnectionReset");
    });
  }

  @Test
  void aCallThatSentNothingStillHasOneAttempt() {
    CallRecord record =
        new CallRecord(
            2,
            new CallOutcome.ClientException(
                "TooManyConcurrentRequests", "breezy.bzr.smart.medium", "limit"),
            List.of(),
            List.of(),
            false,
            false,
            Duration.ZERO);

    Call call = BreezyHistory.call(record, 1, TIMEOUT);

    assertThat(call.attempts()).singleElement().satisfies(a -> {
      assertThat(a.connectionId()).isEqualTo(BreezyHistory.NO_CONNECTION);
      assertThat(a.bytesWritten()).isZero();
      assertThat(a.writeCompleted()).isFalse();
      assertThat(a.failure().orElseThrow().site()).isEqualTo(FailureSite.WRITE);
    });
  }

  @Test
  void aServerErrorIsARemoteErrorReply() {
    CallRecord record =
        new CallRecord(
            1,
            new CallOutcome.ServerError(List.of("LockContention")),
            List.of(attempt(1, 1, false, Optional.empty())),
            List.of(),
            false,
            false,
            Duration.ofMillis(1));

    Call call = BreezyHistory.call(record, 0, TIMEOUT);

    assertThat(call.outcome().kind()).isEqualTo(OutcomeKind.REMOTE_ERROR);
    assertThat(call.attempts().get(0).reply()).contains(Reply.error("LockContention"));
  }

  @Test
  void theStateLeavesOutTheHarnesssBranchesButKeepsTheirLocks() {
    TreeMap<String, byte[]> files = new TreeMap<>();
    files.put("f", bytes("[a]xyz"));
    files.put("b/.bzr/branch-format", bytes("Bazaar-NG meta directory, format 1\n"));
    files.put(
        "b/.bzr/branch/lock/held/info",
        bytes("hostname: vm\nnonce: ug33fgmrhzvot2qh6t37\npid: 5239\n"));
    files.put("c/.bzr/branch-format", bytes("x"));
    ServedState served =
        new ServedState(
            new TreeSet<>(Set.of("d", "b", "b/.bzr", "b/.bzr/branch/lock/held", "c", "c/.bzr")),
            files);

    ServerState state = BreezyHistory.state(served, Set.of("b", "c"));

    assertThat(state.entries())
        .containsExactly(StateEntry.directory("d"), StateEntry.file("f", "[a]xyz"));
    assertThat(state.locks()).contains(List.of(new HeldLock("b", "ug33fgmrhzvot2qh6t37")));
  }

  private static AttemptRecord attempt(
      int number, long connection, boolean fresh, Optional<AttemptError> error) {
    return new AttemptRecord(
        number, OptionalLong.of(connection), fresh, 72, true, error.isPresent() ? 0 : 86,
        error.isPresent(), 0, Optional.empty(), error);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
