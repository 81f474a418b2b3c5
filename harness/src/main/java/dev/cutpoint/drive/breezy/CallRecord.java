package dev.cutpoint.drive.breezy;

import java.time.Duration;
import java.util.List;

/**
 * Everything the driver recorded of one call: how it ended, each attempt, and Breezy's own
 * warnings (it logs every resend: {@code ConnectionReset calling ..., retrying} from the sending
 * side, client.py:287, {@code ConnectionReset reading response for ..., retrying} from the
 * reading side, client.py:196).
 *
 * @param callId the id the Java side gave the call
 * @param attempts in order; empty when the call failed before sending anything
 * @param expired whether the harness's expire ended one of the call's waits ({@link
 *     BreezyClient#expire})
 * @param safetyNet whether the read timeout ran out on a wait instead: the call ended as a black
 *     hole does, but on guessed time
 * @param elapsed the call's duration inside the driver, gate waits included
 */
public record CallRecord(
    long callId,
    CallOutcome outcome,
    List<AttemptRecord> attempts,
    List<String> warnings,
    boolean expired,
    boolean safetyNet,
    Duration elapsed) {

  public CallRecord {
    attempts = List.copyOf(attempts);
    warnings = List.copyOf(warnings);
  }

  /** How many times the request was sent again after its first sending. */
  public int resends() {
    return Math.max(0, attempts.size() - 1);
  }
}
