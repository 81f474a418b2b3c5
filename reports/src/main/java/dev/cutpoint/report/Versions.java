package dev.cutpoint.report;

import java.util.Optional;

/** What ran: the JVM, cutpoint itself, and Breezy where a Breezy target ran or was looked for. */
public record Versions(String java, String cutpoint, Optional<String> breezy) {
  public Versions {
    Checks.text("java", java);
    Checks.text("cutpoint", cutpoint);
    breezy = Checks.optional(breezy);
  }
}
