package dev.cutpoint.history;

/** Where the client saw an attempt fail. */
public enum FailureSite {
  /** Opening the connection. */
  CONNECT,
  /** Writing the request (or flushing it). */
  WRITE,
  /** Reading the response. */
  READ
}
