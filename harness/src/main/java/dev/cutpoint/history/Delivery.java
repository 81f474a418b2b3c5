package dev.cutpoint.history;

/** What breaks the connection for a {@link FaultPlan}. */
public enum Delivery {
  /** A Toxiproxy toxic on the proxy between client and server (every phase but BETWEEN). */
  TOXIC,
  /** The server's own graceful restart between two requests: bug 819604's live upgrade. */
  SERVER_RESTART,
  /** Toxiproxy disables then re-enables the proxy between two requests, closing its links. */
  PROXY_TOGGLE;

  /** Whether this delivery closes connections between requests (the BETWEEN phase). */
  public boolean betweenRequests() {
    return this != TOXIC;
  }
}
