package dev.cutpoint.client;

import java.io.IOException;
import java.time.Duration;

/**
 * The peer made no progress (no byte read, or no byte accepted for writing) for the client's
 * timeout: a black-holed connection, and the policy did not resend (or the resend stalled too). A
 * stall is judged like a reset in the same phase; each attempt waits at most one timeout per
 * stall, so a call that is resent once can take about twice the timeout.
 */
public final class CallTimeout extends CallFailed {

  private final FailureSite site;
  private final boolean mayHaveExecuted;
  private final Duration timeout;

  CallTimeout(
      String verb, FailureSite site, boolean mayHaveExecuted, Duration timeout, IOException cause) {
    super(
        verb,
        "no progress for "
            + timeout.toMillis()
            + " ms on "
            + site.name().toLowerCase()
            + " calling "
            + verb
            + "; the request "
            + (mayHaveExecuted ? "may have executed" : "did not execute"),
        cause);
    this.site = site;
    this.mayHaveExecuted = mayHaveExecuted;
    this.timeout = timeout;
  }

  /** Where the stall was noticed. */
  public FailureSite site() {
    return site;
  }

  /** Whether some attempt sent the whole request, so that the server may have run it. */
  public boolean mayHaveExecuted() {
    return mayHaveExecuted;
  }

  /** The timeout that expired. */
  public Duration timeout() {
    return timeout;
  }
}
