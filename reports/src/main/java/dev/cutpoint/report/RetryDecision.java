package dev.cutpoint.report;

/** What the client decided after a failed attempt, and the rule that decided it. */
public record RetryDecision(boolean resend, String reason) {
  public RetryDecision {
    Checks.text("reason", reason);
  }
}
