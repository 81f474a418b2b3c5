package dev.cutpoint.drive.brzserve;

import dev.cutpoint.drive.breezy.BreezyException;

/**
 * {@code brz serve} (or the user's server command) did not come up, or did not go down, as asked.
 * The message is one line: what went wrong, then the end of what the server wrote.
 */
public final class BrzServeFailed extends BreezyException {

  /** How much of the server's output the one-line message carries. */
  private static final int TAIL_CHARACTERS = 400;

  private final String log;

  BrzServeFailed(String what, String log) {
    super(what + (log.isBlank() ? "" : "; the end of its output: " + oneLine(log)));
    this.log = log;
  }

  /** The end of the server's output. */
  public String log() {
    return log;
  }

  private static String oneLine(String log) {
    String joined = log.strip().replaceAll("\\s*\\R\\s*", " | ");
    return joined.length() <= TAIL_CHARACTERS
        ? joined
        : "…" + joined.substring(joined.length() - TAIL_CHARACTERS);
  }
}
