package dev.cutpoint.history;

import java.util.Objects;

/** What the client decided after a failed attempt, and the reason its retry policy gave. */
public record RetryDecision(boolean resend, String reason) {

  public RetryDecision {
    Objects.requireNonNull(reason, "reason");
  }
}
