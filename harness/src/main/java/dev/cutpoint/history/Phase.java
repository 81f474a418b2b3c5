package dev.cutpoint.history;

/** Where in a request's life the connection is cut (SPEC §5.1). */
public enum Phase {
  /** After k request bytes, 0 ≤ k < n−1: the server sees an incomplete message. */
  WRITE,
  /** At the request's end: all but the terminal {@code e}, or all of it and no response byte. */
  FLUSH,
  /** After j response bytes, 0 ≤ j < m: the request ran. */
  READ,
  /** Graceful close after response i−1, before request i: bug 819604's live upgrade. */
  BETWEEN
}
