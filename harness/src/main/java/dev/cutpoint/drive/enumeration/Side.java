package dev.cutpoint.drive.enumeration;

/** Which bytes of a request's life a cut point counts into. */
public enum Side {
  /** k request bytes reached the server: WRITE (k &lt; n−1) and FLUSH (k = n−1, n). */
  REQUEST,
  /** j response bytes reached the client: READ (j &lt; m). */
  RESPONSE,
  /** Between the previous response and the request: BETWEEN. */
  GAP
}
