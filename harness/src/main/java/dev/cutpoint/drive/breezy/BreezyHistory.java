package dev.cutpoint.drive.breezy;

import dev.cutpoint.drive.brzserve.ServedState;
import dev.cutpoint.history.Attempt;
import dev.cutpoint.history.AttemptFailure;
import dev.cutpoint.history.Call;
import dev.cutpoint.history.Digest;
import dev.cutpoint.history.ErrorRecord;
import dev.cutpoint.history.FailureSite;
import dev.cutpoint.history.HeldLock;
import dev.cutpoint.history.Reply;
import dev.cutpoint.history.ReplyStatus;
import dev.cutpoint.history.RetryDecision;
import dev.cutpoint.history.ServerState;
import dev.cutpoint.history.StateEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the Breezy pieces recorded, as {@code dev.cutpoint.history} values for the oracle: only
 * what was observed. What an error says about execution is what its class and message tell
 * Breezy's caller ({@link BreezyErrors}); a resend's reason is the warning Breezy itself logged for
 * it.
 */
public final class BreezyHistory {

  /** The connection id of an attempt that opened none. */
  public static final String NO_CONNECTION = "none";

  private static final String HELD_LOCK_INFO = "/.bzr/branch/lock/held/info";

  private BreezyHistory() {}

  /**
   * The call as the history records it.
   *
   * @param requestIndex the request the call carried
   * @param timeout the deadline the call had (I6)
   */
  public static Call call(CallRecord record, int requestIndex, Duration timeout) {
    dev.cutpoint.history.CallOutcome outcome = outcome(record.outcome());
    List<AttemptRecord> observed = record.attempts();
    List<Attempt> attempts = new ArrayList<>();
    if (observed.isEmpty()) {
      // Breezy raised before sending a byte (e.g. TooManyConcurrentRequests): one attempt that
      // wrote nothing, so that the history still shows the call failed and why
      attempts.add(
          Attempt.failed(
              1, NO_CONNECTION, 0, false, false,
              new AttemptFailure(FailureSite.WRITE, error(record.outcome())),
              new RetryDecision(false, "nothing sent: Breezy raised " + name(record.outcome()))));
    }
    for (int i = 0; i < observed.size(); i++) {
      AttemptRecord attempt = observed.get(i);
      boolean last = i == observed.size() - 1;
      String connection =
          attempt.connection().isPresent()
              ? Long.toString(attempt.connection().getAsLong())
              : NO_CONNECTION;
      if (attempt.error().isEmpty() && last && outcome.reply().isPresent()) {
        attempts.add(
            Attempt.replied(attempt.attempt(), connection, attempt.bytesWritten(), outcome.reply().get()));
        continue;
      }
      AttemptFailure failure =
          attempt.error()
              .map(e -> new AttemptFailure(e.site(), errorRecord(e.type(), e.message())))
              .orElseGet(
                  () ->
                      new AttemptFailure(
                          attempt.writeCompleted() ? FailureSite.READ : FailureSite.WRITE,
                          error(record.outcome())));
      RetryDecision decision =
          last
              ? new RetryDecision(false, "not resent: Breezy raised " + name(record.outcome()))
              : new RetryDecision(true, i < record.warnings().size() ? record.warnings().get(i) : "resent");
      attempts.add(
          Attempt.failed(
              attempt.attempt(),
              connection,
              attempt.bytesWritten(),
              attempt.writeCompleted(),
              attempt.bodyStreamStarted().orElse(false),
              failure,
              decision));
    }
    return new Call(requestIndex, attempts, outcome, record.elapsed().toMillis(), timeout.toMillis());
  }

  /**
   * The served tree as the history records it. The branches the harness made with {@link
   * BrzServe#createBranch} are not part of it (their {@code .bzr} is Breezy's business, and the
   * model knows a branch only by its lock); their held locks are, with Breezy's token (the lock's
   * {@code nonce}).
   *
   * @param branches the branch paths the case created
   */
  public static ServerState state(ServedState served, Set<String> branches) {
    List<StateEntry> entries = new ArrayList<>();
    for (String directory : served.directories()) {
      if (!inAny(directory, branches)) {
        entries.add(StateEntry.directory(directory));
      }
    }
    served.files().forEach(
        (path, content) -> {
          if (!inAny(path, branches)) {
            entries.add(StateEntry.file(path, content));
          }
        });
    List<HeldLock> locks = new ArrayList<>();
    for (String branch : branches) {
      served.file(branch + HELD_LOCK_INFO).flatMap(BreezyHistory::nonce)
          .ifPresent(token -> locks.add(new HeldLock(branch, token)));
    }
    return ServerState.of(entries, locks);
  }

  private static dev.cutpoint.history.CallOutcome outcome(CallOutcome outcome) {
    if (outcome instanceof CallOutcome.Response response) {
      return dev.cutpoint.history.CallOutcome.replied(
          new Reply(ReplyStatus.SUCCESS, response.args(), response.body().map(Digest::of)));
    }
    if (outcome instanceof CallOutcome.ServerError error) {
      return dev.cutpoint.history.CallOutcome.replied(
          new Reply(ReplyStatus.ERROR, error.args(), Optional.empty()));
    }
    return dev.cutpoint.history.CallOutcome.failed(error(outcome));
  }

  private static ErrorRecord error(CallOutcome outcome) {
    if (outcome instanceof CallOutcome.ClientException exception) {
      return errorRecord(exception.type(), exception.message());
    }
    throw new IllegalArgumentException("a call that got a reply has no error: " + outcome);
  }

  private static ErrorRecord errorRecord(String type, String message) {
    return new ErrorRecord(type, message, BreezyErrors.mayHaveExecuted(type, message));
  }

  private static String name(CallOutcome outcome) {
    return outcome instanceof CallOutcome.ClientException exception ? exception.type() : "nothing";
  }

  private static boolean inAny(String path, Set<String> branches) {
    for (String branch : branches) {
      if (path.equals(branch) || path.startsWith(branch + "/")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The token in a held lock's {@code info} file: YAML (breezy/lockdir.py:782), whose {@code
   * nonce} is 20 random letters and digits (lockdir.py:774), quoted only if YAML would read it as
   * a number.
   */
  private static Optional<String> nonce(byte[] info) {
    for (String line : new String(info, StandardCharsets.UTF_8).split("\n")) {
      if (line.startsWith("nonce: ")) {
        String value = line.substring("nonce: ".length()).strip();
        boolean quoted =
            value.length() >= 2
                && (value.startsWith("'") && value.endsWith("'")
                    || value.startsWith("\"") && value.endsWith("\""));
        return Optional.of(quoted ? value.substring(1, value.length() - 1) : value);
      }
    }
    return Optional.empty();
  }
}
