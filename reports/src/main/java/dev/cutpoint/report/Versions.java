package dev.cutpoint.report;

import java.util.Optional;

/**
 * What ran: the JVM, cutpoint itself, and Breezy where a Breezy target ran or was looked for.
 *
 * @param breezy Breezy's version, e.g. {@code 3.3.2}
 * @param breezyPath the directory of the {@code breezy} package that ran: the system's, or the one
 *     chosen with {@code --breezy PATH}; empty when Breezy was not used, or in a report written
 *     before the field existed
 */
public record Versions(String java, String cutpoint, Optional<String> breezy, Optional<String> breezyPath) {
  public Versions {
    Checks.text("java", java);
    Checks.text("cutpoint", cutpoint);
    breezy = Checks.optional(breezy);
    breezyPath = Checks.optional(breezyPath);
  }

  /** Without Breezy's path. */
  public Versions(String java, String cutpoint, Optional<String> breezy) {
    this(java, cutpoint, breezy, Optional.empty());
  }

  /** {@code Breezy 3.3.2 (/usr/lib/python3/dist-packages/breezy)}, or empty when Breezy was not used. */
  public Optional<String> breezyLine() {
    return breezy.map(v -> "Breezy " + v + breezyPath.map(p -> " (" + p + ")").orElse(""));
  }
}
