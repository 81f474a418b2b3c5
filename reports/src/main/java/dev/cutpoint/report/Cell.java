package dev.cutpoint.report;

import java.util.Optional;

/**
 * One cell of the matrix with its cases counted by outcome, or not applicable with the reason (a
 * cell the harness cannot express honestly is reported so, never approximated: SPEC §5.1); an
 * applicable cell is {@code embeddedOnly} when it was cut by an extension toxic that only the
 * embedded proxy has (SPEC §4.2), so that a run against a real Toxiproxy would not cover it so.
 */
public record Cell(
    String target,
    String verbClass,
    String phase,
    String kind,
    Optional<String> notApplicable,
    boolean embeddedOnly,
    OutcomeCounts counts) {

  public Cell {
    Checks.text("target", target);
    Checks.text("verbClass", verbClass);
    Checks.text("phase", phase);
    Checks.text("kind", kind);
    notApplicable = Checks.optional(notApplicable);
    notApplicable.ifPresent(reason -> Checks.text("notApplicable", reason));
    Checks.present("counts", counts);
    if (notApplicable.isPresent() && embeddedOnly) {
      throw new IllegalArgumentException("cell " + target + "|" + verbClass + "|" + phase + "|"
          + kind + " is not applicable, so no toxic cuts it");
    }
    if (notApplicable.isPresent() && counts.total() > 0) {
      throw new IllegalArgumentException("cell " + target + "|" + verbClass + "|" + phase + "|"
          + kind + " is not applicable but has " + counts.total() + " cases");
    }
  }

  public static Cell applicable(CellKey key, boolean embeddedOnly, OutcomeCounts counts) {
    return new Cell(
        key.target(), key.verbClass(), key.phase(), key.kind(), Optional.empty(), embeddedOnly, counts);
  }

  public static Cell notApplicable(CellKey key, String reason) {
    return new Cell(key.target(), key.verbClass(), key.phase(), key.kind(), Optional.of(reason), false,
        OutcomeCounts.NONE);
  }

  public CellKey key() {
    return new CellKey(target, verbClass, phase, kind);
  }

  public boolean applicable() {
    return notApplicable.isEmpty();
  }
}
