package dev.cutpoint.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A case in three lines: the requests, the fault, what the client did about it. */
public final class Counterexample {
  private static final int MAX_REQUESTS = 6;

  private Counterexample() {}

  public static List<String> summary(CaseRecord caseRecord) {
    FaultRecord fault = caseRecord.fault();
    return List.of(
        "requests: " + Text.requests(caseRecord.requests(), MAX_REQUESTS),
        "fault:    " + Timeline.fault(fault),
        "client:   " + client(caseRecord));
  }

  /** {@code #1 attempt 1 on conn 1 failed on read (ConnectionLost(…)) → resend on conn 2 → ok: oS("ok") → after resend}. */
  private static String client(CaseRecord caseRecord) {
    int index = caseRecord.fault().requestIndex();
    Optional<CallRecord> call = caseRecord.calls().stream()
        .filter(c -> c.requestIndex() == index)
        .findFirst();
    if (call.isEmpty()) {
      return "#" + index + " was not called";
    }
    List<String> parts = new ArrayList<>();
    List<AttemptRecord> attempts = call.get().attempts();
    for (int i = 0; i < attempts.size(); i++) {
      AttemptRecord attempt = attempts.get(i);
      String head = (i == 0 ? "#" + index + " attempt " : "attempt ") + attempt.attempt()
          + " on conn " + attempt.connection();
      if (attempt.failed()) {
        parts.add(head + " failed" + attempt.failureSeen().map(seen -> " on " + seen).orElse("")
            + attempt.error().map(error -> " (" + Text.oneLine(error) + ")").orElse(""));
      } else {
        parts.add(head + " ok" + attempt.response().map(r -> ": " + Text.oneLine(r)).orElse(""));
      }
      attempt.retry().ifPresent(retry -> parts.add(retry.resend() ? "resend" : "no resend"));
    }
    parts.add(call.get().outcome().label());
    return String.join(" → ", parts);
  }
}
