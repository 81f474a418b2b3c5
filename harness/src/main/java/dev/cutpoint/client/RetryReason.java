package dev.cutpoint.client;

/** Why a {@link RetryPolicy} resent a request or gave up; recorded with every failed attempt. */
public enum RetryReason {
  /** Breezy's {@code -Dnoretry}: resending is switched off. */
  NO_RETRY(false),
  /** The call has already been resent once (SPEC §1: at most one resend). */
  ALREADY_RESENT(false),
  /**
   * The connection could not be opened. Breezy raises {@code ConnectionError} here, which its
   * retry code (catching only {@code ConnectionReset}) does not handle.
   */
  CONNECT_FAILED(false),
  /** The request's body stream had started to be consumed and cannot be rewound. */
  STREAM_STARTED(false),
  /** Failed while writing: the server cannot have seen the terminal {@code e}; safe for all verbs. */
  NOT_RECEIVED(true),
  /** Failed while reading, and the verb is {@code read}, {@code idem} or {@code semi}. */
  SAFE_TO_SEND_TWICE(true),
  /** Failed while reading, and running the verb twice could do harm. */
  MAY_HAVE_EXECUTED(false),
  /** The calling thread was interrupted: its caller is giving up on the call. */
  INTERRUPTED(false),
  /** Mutant {@code resend-none}: never resends. */
  NEVER_RESENDS(false),
  /** Mutant {@code resend-all}: resends once whatever the failure and the verb. */
  RESENDS_EVERYTHING(true),
  /** Mutant {@code resend-started-stream}: resends what is left of a started body stream. */
  IGNORES_STARTED_STREAM(true),
  /** Mutant {@code resend-forever}: a fuse that stops it before it hangs the harness. */
  FUSE_BLOWN(false);

  private final boolean resend;

  RetryReason(boolean resend) {
    this.resend = resend;
  }

  /** Whether this reason leads to a resend. */
  public boolean resend() {
    return resend;
  }
}
