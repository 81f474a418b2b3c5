package dev.cutpoint.report;

/** One line of a case told as a story: a request, the fault, an attempt, a decision, an ending. */
public record TimelineStep(Kind kind, String text) {
  public enum Kind {
    REQUEST,
    FAULT,
    ATTEMPT,
    RESEND,
    NO_RESEND,
    OUTCOME,
    VIOLATION;

    /** The CSS class and the JSON tag on the page. */
    public String tag() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  public TimelineStep {
    Checks.present("kind", kind);
    Checks.present("text", text);
  }
}
