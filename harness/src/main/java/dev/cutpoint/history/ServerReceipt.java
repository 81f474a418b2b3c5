package dev.cutpoint.history;

/** What the server receives of a request on the connection a fault hits (SPEC §5.1). */
public enum ServerReceipt {
  /** Nothing of the request reached the old connection (BETWEEN). */
  NOTHING,
  /** Some bytes but not the terminal {@code e}: the server must not execute it (I1). */
  INCOMPLETE,
  /**
   * All bytes, then the connection died before any response byte (FLUSH at k = n): whether the
   * server executed it before noticing is a race, so both are correct.
   */
  COMPLETE_MAYBE_EXECUTED,
  /** The whole request, and the response was being sent (READ) or not disturbed: it executed. */
  COMPLETE
}
