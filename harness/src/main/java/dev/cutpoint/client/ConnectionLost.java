package dev.cutpoint.client;

import java.io.IOException;

/**
 * The connection closed or reset under a call, and the retry policy did not resend (or the resend
 * failed too). Breezy raises {@code ConnectionReset} here.
 */
public sealed class ConnectionLost extends CallFailed permits StreamNotRestartable {

  private final FailureSite site;
  private final boolean mayHaveExecuted;
  private final RetryReason reason;

  ConnectionLost(
      String verb, FailureSite site, boolean mayHaveExecuted, RetryReason reason, IOException cause) {
    this(verb, site, mayHaveExecuted, reason, cause, "connection lost");
  }

  ConnectionLost(
      String verb,
      FailureSite site,
      boolean mayHaveExecuted,
      RetryReason reason,
      IOException cause,
      String what) {
    super(verb, describe(what, verb, site, mayHaveExecuted, reason, cause), cause);
    this.site = site;
    this.mayHaveExecuted = mayHaveExecuted;
    this.reason = reason;
  }

  /** Where the last attempt's failure was noticed. */
  public FailureSite site() {
    return site;
  }

  /**
   * Whether the server may have executed the request: some attempt sent all of it, terminal
   * {@code e} included. When false, the server cannot have run it.
   */
  public boolean mayHaveExecuted() {
    return mayHaveExecuted;
  }

  /** Why the last failure was not resent. */
  public RetryReason reason() {
    return reason;
  }

  private static String describe(
      String what,
      String verb,
      FailureSite site,
      boolean mayHaveExecuted,
      RetryReason reason,
      IOException cause) {
    return what
        + " on "
        + site.name().toLowerCase()
        + " calling "
        + verb
        + " ("
        + cause.getClass().getSimpleName()
        + ": "
        + cause.getMessage()
        + "); not resent: "
        + reason.name().toLowerCase()
        + "; the request "
        + (mayHaveExecuted ? "may have executed" : "did not execute");
  }
}
