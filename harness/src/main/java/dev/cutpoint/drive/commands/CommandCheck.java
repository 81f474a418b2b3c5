package dev.cutpoint.drive.commands;

import dev.cutpoint.check.Invariant;

/** What the user's oracle (issue 11 part 3) can find wrong after a cut command, and the invariant each breaks. */
public enum CommandCheck {
  /** Exit 0 although the result is not there (tips differ, output wrong, a side fails brz check). */
  FALSE_SUCCESS(Invariant.I4),
  /** A traceback (Breezy's internal-error report) instead of an error message. */
  TRACEBACK(Invariant.I4),
  /** A non-zero exit whose message does not name the connection failure. */
  UNNAMED_FAILURE(Invariant.I4),
  /** The remote repository fails {@code brz check}. */
  REMOTE_BROKEN(Invariant.I7),
  /** The remote tip is neither the old one nor the new one. */
  REMOTE_TIP(Invariant.I7),
  /** A lock is left held on the remote branch or repository: {@code brz break-lock} clears it. */
  LOCK_LEFT(Invariant.I6),
  /** The same command, run again with no fault, fails or does not converge. */
  RERUN_FAILS(Invariant.I6),
  /** The command waits for ever on a connection that no longer moves (Breezy sets no timeout). */
  HANGS(Invariant.I6);

  private final Invariant invariant;

  CommandCheck(Invariant invariant) {
    this.invariant = invariant;
  }

  /** The matrix invariant this check stands for, by which reviewed findings cover it. */
  public Invariant invariant() {
    return invariant;
  }
}
