package dev.cutpoint.check;

/** How a call counts in the report's matrix cell (SPEC §9). */
public enum OutcomeClass {
  /** Completed (a success or the server's error response) on its first attempt. */
  FIRST_TRY,
  /** Completed after a resend. */
  AFTER_RESEND,
  /** Failed with a typed error, breaking no invariant. */
  FAILED_LOUDLY,
  /** Broke an invariant. */
  VIOLATION
}
