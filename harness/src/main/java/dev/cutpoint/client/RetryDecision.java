package dev.cutpoint.client;

/**
 * A {@link RetryPolicy}'s verdict on one failed attempt. The reason decides: each reason either
 * resends or not, so a decision can never say "resend" for a reason that forbids it.
 */
public record RetryDecision(RetryReason reason) {

  public RetryDecision {
    if (reason == null) {
      throw new IllegalArgumentException("a decision needs a reason");
    }
  }

  /** Whether the request is sent again on a new connection. */
  public boolean resend() {
    return reason.resend();
  }

  static RetryDecision because(RetryReason reason) {
    return new RetryDecision(reason);
  }
}
