package dev.cutpoint.report;

import dev.cutpoint.report.TimelineStep.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A case told in order: each request, where the fault fell, each attempt with its connection and
 * what the client decided, how each call ended, and what the oracle found. The page shows it as a
 * timeline, the Markdown and the console print it.
 */
public final class Timeline {
  private Timeline() {}

  public static List<TimelineStep> of(CaseRecord caseRecord) {
    List<TimelineStep> steps = new ArrayList<>();
    FaultRecord fault = caseRecord.fault();
    for (RequestRecord request : caseRecord.requests()) {
      boolean faulted = request.index() == fault.requestIndex();
      if (faulted && fault.phase().equals("BETWEEN")) {
        steps.add(new TimelineStep(Kind.FAULT, fault(fault)));
      }
      steps.add(new TimelineStep(Kind.REQUEST,
          Text.request(request) + " · " + request.verbClass()));
      if (faulted && !fault.phase().equals("BETWEEN")) {
        steps.add(new TimelineStep(Kind.FAULT, fault(fault)));
      }
      Optional<CallRecord> call = caseRecord.calls().stream()
          .filter(c -> c.requestIndex() == request.index())
          .findFirst();
      if (call.isPresent()) {
        attempts(call.get(), steps);
      } else {
        steps.add(new TimelineStep(Kind.OUTCOME, "not called"));
      }
      for (Violation violation : caseRecord.verdict().violations()) {
        if (violation.requestIndex().equals(Optional.of(request.index()))) {
          steps.add(new TimelineStep(Kind.VIOLATION, violation(violation)));
        }
      }
    }
    for (Violation violation : caseRecord.verdict().violations()) {
      if (violation.requestIndex().isEmpty()
          || violation.requestIndex().get() >= caseRecord.requests().size()) {
        steps.add(new TimelineStep(Kind.VIOLATION, violation(violation)));
      }
    }
    return steps;
  }

  private static void attempts(CallRecord call, List<TimelineStep> steps) {
    List<AttemptRecord> attempts = call.attempts();
    for (int i = 0; i < attempts.size(); i++) {
      AttemptRecord attempt = attempts.get(i);
      steps.add(new TimelineStep(Kind.ATTEMPT, attempt(attempt)));
      if (attempt.retry().isPresent()) {
        RetryDecision retry = attempt.retry().get();
        if (retry.resend()) {
          String where = i + 1 < attempts.size()
              ? " on conn " + attempts.get(i + 1).connection() : "";
          steps.add(new TimelineStep(Kind.RESEND, "resend" + where + ": " + Text.oneLine(retry.reason())));
        } else {
          steps.add(new TimelineStep(Kind.NO_RESEND, "no resend: " + Text.oneLine(retry.reason())));
        }
      }
    }
    steps.add(new TimelineStep(Kind.OUTCOME, "call ended: " + call.outcome().label()));
  }

  /** {@code CLOSE in FLUSH of #1: cut after request byte 56 of 57 (all but the terminal e)}. */
  static String fault(FaultRecord fault) {
    // SLICE and LATENCY disturb the bytes from that point on rather than cutting there
    boolean disturbs = fault.kind().equals("SLICE") || fault.kind().equals("LATENCY");
    if (fault.phase().equals("BETWEEN")) {
      return fault.kind() + " between requests: "
          + (disturbs ? "from the start of #" : "the connection broke before #")
          + fault.requestIndex() + (disturbs ? "" : " was sent");
    }
    String unit = fault.phase().equals("READ") ? "response" : "request";
    String where = (disturbs ? "from " : "cut after ") + unit + " byte " + fault.offset()
        + fault.outOf().map(n -> " of " + n).orElse("");
    String note = "";
    if (fault.phase().equals("FLUSH") && fault.outOf().isPresent()) {
      long n = fault.outOf().get();
      note = fault.offset() == n - 1 ? " (all but the terminal e)"
          : fault.offset() == n ? " (the whole request, no response byte)" : "";
    }
    return fault.kind() + " in " + fault.phase() + " of #" + fault.requestIndex() + ": " + where + note;
  }

  /** {@code attempt 1 on conn 2: wrote 57 B, complete → failed on read: ConnectionLost(…)}. */
  static String attempt(AttemptRecord attempt) {
    String wrote = "wrote " + Text.bytes(attempt.bytesWritten())
        + (attempt.writeCompleted() ? ", complete" : ", incomplete");
    String head = "attempt " + attempt.attempt() + " on conn " + attempt.connection() + ": " + wrote;
    if (attempt.failed()) {
      return head + " → failed" + attempt.failureSeen().map(seen -> " on " + seen).orElse("")
          + attempt.error().map(error -> ": " + Text.oneLine(error)).orElse("");
    }
    return head + " → " + attempt.response().map(Text::oneLine).orElse("no response recorded");
  }

  static String violation(Violation violation) {
    return violation.invariant() + " " + violation.invariant().title()
        + violation.requestIndex().map(i -> " (#" + i + ")").orElse("")
        + ": " + Text.oneLine(violation.evidence());
  }
}
