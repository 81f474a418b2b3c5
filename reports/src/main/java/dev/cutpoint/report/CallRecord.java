package dev.cutpoint.report;

import java.util.List;

/** The client's call for one request of the sequence: its attempts and how it ended. */
public record CallRecord(int requestIndex, List<AttemptRecord> attempts, Outcome outcome) {
  public CallRecord {
    Checks.notNegative("requestIndex", requestIndex);
    attempts = Checks.list("attempts", attempts);
    if (attempts.isEmpty()) {
      throw new IllegalArgumentException("call of request " + requestIndex + " has no attempt");
    }
    Checks.present("outcome", outcome);
  }
}
