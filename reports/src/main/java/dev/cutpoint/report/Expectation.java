package dev.cutpoint.report;

import java.util.Optional;

/**
 * A reviewed, known finding: violations of this invariant in these cells are expected (a real
 * Breezy behaviour the team has examined), so the report lists them apart from new ones. An empty
 * verb class, phase or kind matches any.
 *
 * @param id a short stable name, e.g. {@code breezy-serve-partial-put}
 * @param reason why it is expected: what was reviewed, where it is written up
 */
public record Expectation(
    String id,
    String target,
    Optional<String> verbClass,
    Optional<String> phase,
    Optional<String> kind,
    InvariantId invariant,
    String reason) {

  public Expectation {
    Checks.text("id", id);
    Checks.text("target", target);
    verbClass = Checks.optional(verbClass);
    phase = Checks.optional(phase);
    kind = Checks.optional(kind);
    Checks.present("invariant", invariant);
    Checks.text("reason", reason);
  }

  public boolean matches(CellKey cell, InvariantId broken) {
    return target.equals(cell.target())
        && invariant == broken
        && verbClass.map(cell.verbClass()::equals).orElse(true)
        && phase.map(cell.phase()::equals).orElse(true)
        && kind.map(cell.kind()::equals).orElse(true);
  }
}
