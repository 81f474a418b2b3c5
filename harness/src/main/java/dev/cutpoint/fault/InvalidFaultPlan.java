package dev.cutpoint.fault;

import dev.cutpoint.history.FaultPlan;
/** A {@link FaultPlan} that does not fit the request it was meant for (SPEC §5.1). */
public final class InvalidFaultPlan extends IllegalArgumentException {

  /** What is wrong with the plan. */
  public enum Problem {
    /** The request index is past the end of the sequence. */
    NO_SUCH_REQUEST,
    /** A request is at least a version marker and a terminal byte; a shorter one is a bug. */
    REQUEST_TOO_SHORT,
    /** The offset is outside the phase's range: WRITE k &lt; n−1, FLUSH k ∈ {n−1, n}, READ j &lt; m. */
    OFFSET_OUT_OF_RANGE,
    /** The kind can only cut at a request's or response's start, or has no cut point at all. */
    OFFSET_NOT_EXPRESSIBLE,
    /** Toxiproxy cannot express this phase and kind honestly. */
    NOT_EXPRESSIBLE,
    /** BETWEEN needs a previous response to close after: request 0 has none. */
    NO_PREVIOUS_REQUEST
  }

  private final transient FaultPlan plan;
  private final long requestLength;
  private final long responseLength;
  private final Problem problem;

  public InvalidFaultPlan(FaultPlan plan, long requestLength, long responseLength, Problem problem) {
    super(
        problem + ": " + plan + " for a request of n=" + requestLength + " bytes and a response of m="
            + responseLength + " bytes");
    this.plan = plan;
    this.requestLength = requestLength;
    this.responseLength = responseLength;
    this.problem = problem;
  }

  public FaultPlan plan() {
    return plan;
  }

  public long requestLength() {
    return requestLength;
  }

  public long responseLength() {
    return responseLength;
  }

  public Problem problem() {
    return problem;
  }
}
