package dev.cutpoint.report;

/**
 * A section of {@code index.html} beyond the matrix (the enumeration's strips of cut points): its
 * markup, escaped by itself, and its style, which the page's Content-Security-Policy admits by hash
 * with the page's own.
 */
public interface PageSection {

  /** Appends the section's markup. */
  void render(StringBuilder html);

  /** The section's style rules, appended to the page's. */
  String css();
}
