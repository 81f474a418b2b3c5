package dev.cutpoint.report;

/** The oracle's invariants (SPEC §7), as the report names them. */
public enum InvariantId {
  I1("No partial execution"),
  I2("At most once"),
  I3("Safe retry"),
  I4("Loud failure"),
  I5("At most one resend"),
  I6("Liveness"),
  I7("State"),
  I8("No fault, no retry");

  private final String title;

  InvariantId(String title) {
    this.title = title;
  }

  /** The invariant's short name, as in SPEC §7. */
  public String title() {
    return title;
  }
}
