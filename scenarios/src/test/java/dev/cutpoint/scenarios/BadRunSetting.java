package dev.cutpoint.scenarios;

/**
 * A {@code cutpoint.*} system property with a value the run cannot use. The message is the whole
 * story, one line naming the property, the value and what is accepted, so it carries no stack trace
 * for Maven to print under it.
 */
final class BadRunSetting extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String property;

  BadRunSetting(String property, String value, String accepted) {
    this(property, property + ": '" + value + "' is not accepted (accepted: " + accepted + ")");
  }

  /** A setting whose own check already said, in one line, what is wrong and what is accepted. */
  BadRunSetting(String property, String message) {
    super(message, null, false, false);
    this.property = property;
  }

  /** The system property that carried the value. */
  String property() {
    return property;
  }
}
