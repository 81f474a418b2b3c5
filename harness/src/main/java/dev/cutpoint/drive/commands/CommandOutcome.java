package dev.cutpoint.drive.commands;

/** How a cut command ended, as the user saw it. */
public enum CommandOutcome {
  /** Exit 0 with the right result. */
  SUCCEEDED,
  /** A non-zero exit with an error (right or wrong: the checks say). */
  FAILED,
  /** It hung on the black hole and the harness ended it with a user's Ctrl-C. */
  HUNG
}
