package dev.cutpoint.drive.enumeration;

import dev.cutpoint.history.FaultPlan;
import dev.cutpoint.history.Phase;
import java.util.Objects;

/** One place to cut a workload, as the fault that cuts there. */
public record CutPoint(FaultPlan plan) {

  public CutPoint {
    Objects.requireNonNull(plan, "plan");
  }

  public int requestIndex() {
    return plan.requestIndex();
  }

  /** The bytes its offset counts into. */
  public Side side() {
    return switch (plan.phase()) {
      case WRITE, FLUSH -> Side.REQUEST;
      case READ -> Side.RESPONSE;
      case BETWEEN -> Side.GAP;
    };
  }

  /** {@code java-r3-WRITE-CLOSE-17}, {@code java-r3-BETWEEN-SERVER_RESTART}: stable, unique in a run. */
  public String caseId(String target) {
    String where = plan.phase() == Phase.BETWEEN
        ? plan.delivery().name()
        : plan.kind() + "-" + plan.offset();
    return target + "-r" + plan.requestIndex() + "-" + plan.phase() + "-" + where;
  }
}
