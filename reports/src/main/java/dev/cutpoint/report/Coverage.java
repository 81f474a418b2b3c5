package dev.cutpoint.report;

import java.util.List;

/**
 * How much of the matrix a run covered.
 *
 * @param full applicable cells with at least the planned number of cases
 * @param touched applicable cells with at least one case
 * @param applicable cells that can be expressed
 * @param notApplicable cells that cannot
 * @param persistent cases with a persistent fault, run on top of the cells' tries
 */
public record Coverage(int full, int touched, int applicable, int notApplicable, long persistent) {
  static Coverage of(List<Cell> cells, int triesPerCell) {
    return of(cells, triesPerCell, 0);
  }

  /** Of cells counting their generated cases only, and {@code persistent} cases besides. */
  static Coverage of(List<Cell> cells, int triesPerCell, long persistent) {
    int full = 0;
    int touched = 0;
    int applicable = 0;
    for (Cell cell : cells) {
      if (!cell.applicable()) {
        continue;
      }
      applicable++;
      int total = cell.counts().total();
      touched += total > 0 ? 1 : 0;
      full += total >= triesPerCell ? 1 : 0;
    }
    return new Coverage(full, touched, applicable, cells.size() - applicable, persistent);
  }

  /**
   * {@code 118 of 120 applicable cells covered (≥ 20 cases each); 120 with at least one case; 30
   * n/a; 12 persistent-fault cases besides}.
   */
  public String describe(int triesPerCell) {
    return full + " of " + applicable + " applicable cells covered (≥ " + triesPerCell
        + " cases each); " + touched + " with at least one case; " + notApplicable + " n/a"
        + (persistent > 0 ? "; " + persistent + " persistent-fault " + (persistent == 1 ? "case" : "cases")
            + " besides" : "");
  }
}
