package dev.cutpoint.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The matrix's axes in display order: rows are verb classes, columns are phase × kind. The harness
 * owns these vocabularies (its enums); the report takes them as given.
 */
public record Axes(List<String> verbClasses, List<String> phases, List<String> kinds) {
  public Axes {
    verbClasses = distinct("verbClasses", verbClasses);
    phases = distinct("phases", phases);
    kinds = distinct("kinds", kinds);
  }

  private static List<String> distinct(String field, List<String> values) {
    List<String> copy = Checks.list(field, values);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException(field + " is empty");
    }
    copy.forEach(value -> Checks.text(field + "[]", value));
    if (copy.stream().distinct().count() != copy.size()) {
      throw new IllegalArgumentException(field + " lists a value twice: " + copy);
    }
    return copy;
  }

  /** Every cell of one target, row by row (verb class), then phase, then kind. */
  public List<CellKey> cellsOf(String target) {
    List<CellKey> cells = new ArrayList<>();
    for (String verbClass : verbClasses) {
      for (String phase : phases) {
        for (String kind : kinds) {
          cells.add(new CellKey(target, verbClass, phase, kind));
        }
      }
    }
    return cells;
  }
}
