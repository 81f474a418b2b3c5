package dev.cutpoint.history;

/** How a call ended, as its caller saw it. */
public enum OutcomeKind {
  /** A success response. */
  SUCCESS,
  /** The server's error response, raised as {@code RemoteError}. */
  REMOTE_ERROR,
  /** A client-side typed error: the connection, a timeout, the protocol. */
  FAILED
}
