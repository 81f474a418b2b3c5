package dev.cutpoint.toxiproxy.embedded.toxic;

/**
 * Checks of our extension toxics' attributes. Toxiproxy's own toxics take any number (a negative
 * one is theirs to misbehave on), so only the extensions check.
 */
final class Attributes {

  private Attributes() {}

  static void requireNotNegative(String name, long value) {
    if (value < 0) {
      throw new InvalidAttribute(name + " must not be negative, was " + value);
    }
  }
}
