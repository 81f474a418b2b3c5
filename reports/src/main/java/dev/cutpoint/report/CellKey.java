package dev.cutpoint.report;

/**
 * One cell of the fault matrix: a target and the verb class of the faulted request, the phase in
 * which the connection was cut and the kind of fault. The values are the harness's names (SCHEMA.md
 * lists them); the report only compares and prints them.
 */
public record CellKey(String target, String verbClass, String phase, String kind) {
  public CellKey {
    Checks.text("target", target);
    Checks.text("verbClass", verbClass);
    Checks.text("phase", phase);
    Checks.text("kind", kind);
  }

  /** {@code target|verbClass|phase|kind}: the key the HTML page and the baseline comparison use. */
  public String id() {
    return target + "|" + verbClass + "|" + phase + "|" + kind;
  }

  /** {@code read × WRITE/CLOSE}, without the target. */
  public String label() {
    return verbClass + " × " + phase + "/" + kind;
  }
}
