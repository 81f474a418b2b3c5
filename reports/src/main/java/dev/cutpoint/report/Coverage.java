package dev.cutpoint.report;

import java.util.List;

/**
 * How much of the matrix a run covered.
 *
 * @param full applicable cells with at least the planned number of cases
 * @param touched applicable cells with at least one case
 * @param applicable cells that can be expressed
 * @param notApplicable cells that cannot
 */
public record Coverage(int full, int touched, int applicable, int notApplicable) {
  static Coverage of(List<Cell> cells, int triesPerCell) {
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
    return new Coverage(full, touched, applicable, cells.size() - applicable);
  }

  /** {@code 118 of 120 applicable cells covered (≥ 20 cases each); 120 touched; 30 n/a}. */
  public String describe(int triesPerCell) {
    return full + " of " + applicable + " applicable cells covered (≥ " + triesPerCell
        + " cases each); " + touched + " with at least one case; " + notApplicable + " n/a";
  }
}
