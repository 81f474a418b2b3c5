package dev.cutpoint.drive;

import dev.cutpoint.fault.Applicability;
import dev.cutpoint.fault.FaultCells;
import dev.cutpoint.fault.ProxyToxics;
import dev.cutpoint.history.FaultPlan;
import dev.cutpoint.history.Phase;

/**
 * Turns a case's fault, drawn as a fraction of its phase's range, into concrete bytes once the dry
 * run has told the faulted request's length <i>n</i> and its response's length <i>m</i> (SPEC §5.1):
 * WRITE k in [0, n−2], FLUSH k ∈ {n−1, n}, READ j in [0, m−1]; offset 0 where the proxy's toxics
 * can only cut at the start, and none for BETWEEN and the non-fatal kinds.
 */
public final class FaultPlanner {

  private FaultPlanner() {}

  /**
   * The concrete plan for {@code spec}'s fault on a request of {@code n} bytes whose response had
   * {@code m}, cut with {@code toxics}; validated against the sequence.
   *
   * @throws dev.cutpoint.fault.InvalidFaultPlan when the cell cannot be expressed for this request
   */
  public static FaultPlan plan(CaseSpec spec, long n, long m, ProxyToxics toxics) {
    MatrixCell cell = spec.cell();
    Applicability applicability = FaultCells.forPhaseAndKind(cell.phase(), cell.kind(), toxics);
    int index = spec.faultIndex();
    double f = spec.offsetFraction();
    FaultPlan plan;
    if (cell.phase() == Phase.BETWEEN) {
      plan = FaultPlan.between(index, spec.betweenDelivery());
    } else if (!cell.kind().fatal()) {
      plan = FaultPlan.disturb(index, cell.phase(), cell.kind());
    } else if (applicability.offsets() == Applicability.OffsetRule.START_ONLY) {
      plan = new FaultPlan(index, cell.phase(), 0, cell.kind(), dev.cutpoint.history.Delivery.TOXIC);
    } else {
      long offset =
          switch (cell.phase()) {
            case WRITE -> (long) Math.floor(f * (n - 1));
            case FLUSH -> f < 0.5 ? n - 1 : n;
            case READ -> (long) Math.floor(f * m);
            case BETWEEN -> 0;
          };
      plan = new FaultPlan(index, cell.phase(), offset, cell.kind(), dev.cutpoint.history.Delivery.TOXIC);
    }
    FaultCells.validate(plan, spec.requests().size(), n, m, toxics);
    return spec.persistent() ? plan.persistently() : plan;
  }
}
