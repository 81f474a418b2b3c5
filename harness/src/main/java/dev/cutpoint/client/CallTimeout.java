package dev.cutpoint.client;

import java.io.IOException;
import java.time.Duration;

/**
 * The peer made no progress (no byte read, or no byte accepted for writing) for the client's
 * timeout: a black-holed connection. Not resent: the request may be running, and a resend would
 * break the call's time bound.
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
