package dev.cutpoint.report;

/**
 * How a case (or one call of it) ended, from best to worst. A cell of the matrix counts its cases
 * by outcome and is coloured by the worst one present.
 */
public enum Outcome {
  /** Every call succeeded on its first attempt. */
  FIRST_TRY("✓", "first try"),
  /** The faulted call succeeded after one resend. */
  AFTER_RESEND("↻", "after resend"),
  /** The faulted call failed with a typed error, as it had to. */
  FAILED_LOUDLY("✗", "failed loudly"),
  /** The oracle could not decide (e.g. the harness lost track of the target); no verdict either way. */
  UNDECIDED("?", "undecided"),
  /** An invariant was broken. */
  VIOLATION("!", "violation");

  private final String symbol;
  private final String label;

  Outcome(String symbol, String label) {
    this.symbol = symbol;
    this.label = label;
  }

  /** The one-character mark used in the Markdown table and the progress line. */
  public String symbol() {
    return symbol;
  }

  /** Words for people: legends, titles, timelines. */
  public String label() {
    return label;
  }

  /** Whether this outcome is worse than the other one (VIOLATION is the worst). */
  public boolean worseThan(Outcome other) {
    return compareTo(other) > 0;
  }
}
