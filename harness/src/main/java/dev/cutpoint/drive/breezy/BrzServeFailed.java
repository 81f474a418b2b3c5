package dev.cutpoint.drive.breezy;

/** {@code brz serve} did not come up, or did not go down, as asked. */
public final class BrzServeFailed extends BreezyException {

  private final String log;

  BrzServeFailed(String what, String log) {
    super(what + (log.isEmpty() ? "" : "; brz serve said:\n" + log));
    this.log = log;
  }

  /** The end of the server's stderr. */
  public String log() {
    return log;
  }
}
