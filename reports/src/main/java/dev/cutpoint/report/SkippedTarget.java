package dev.cutpoint.report;

/** A target the run did not exercise, and why (e.g. Breezy is not installed). */
public record SkippedTarget(String target, String reason) {
  public SkippedTarget {
    Checks.text("target", target);
    Checks.text("reason", reason);
  }
}
