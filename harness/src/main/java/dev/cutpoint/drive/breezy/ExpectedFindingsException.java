package dev.cutpoint.drive.breezy;

/** An expected-findings file that cannot be used: missing, not JSON, or wrong in a field. */
public final class ExpectedFindingsException extends RuntimeException {

  private final String origin;

  ExpectedFindingsException(String origin, String problem) {
    super(origin + ": " + problem);
    this.origin = origin;
  }

  /** The file (or resource) at fault. */
  public String origin() {
    return origin;
  }
}
