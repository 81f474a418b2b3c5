package dev.cutpoint.fault;

import dev.cutpoint.fault.Applicability.OffsetRule;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.FaultPlan;
import dev.cutpoint.history.Phase;
import dev.cutpoint.verbs.VerbClass;

/**
 * The fault matrix's cells and what Toxiproxy can express in each (SPEC §5.1's last paragraph,
 * §5.2, and the toxic behaviour observed on Toxiproxy 2.2.0 in §4.2). Whether a cell applies
 * depends on phase and kind, and for the {@code stream} class on whether the target has
 * {@code insert_stream}.
 */
public final class FaultCells {

  private FaultCells() {}

  /** The cell's applicability on a target; {@code stream} needs the reference server's verb. */
  public static Applicability applicability(
      VerbClass verbClass, Phase phase, FaultKind kind, boolean targetHasInsertStream) {
    if (verbClass == VerbClass.STREAM && !targetHasInsertStream) {
      return Applicability.notApplicable(
          "the target has no insert_stream verb (brz serve): no request of class stream exists");
    }
    return forPhaseAndKind(phase, kind);
  }

  /** The cell's applicability for any verb class (the class changes the expectations, not the cut). */
  public static Applicability forPhaseAndKind(Phase phase, FaultKind kind) {
    return switch (kind) {
      case CLOSE -> close(phase);
      case RESET -> reset(phase);
      case BLACKHOLE -> blackhole(phase);
      case SLICE -> nonFatal(phase, "slicer");
      case LATENCY -> nonFatal(phase, "latency");
    };
  }

  private static Applicability close(Phase phase) {
    return switch (phase) {
      case WRITE -> Applicability.exact(
          OffsetRule.ANY,
          "limit_data upstream with k bytes, added between requests: it counts from its creation,"
              + " forwards exactly k bytes, then closes both sides with FIN");
      case FLUSH -> Applicability.exact(
          OffsetRule.ANY,
          "limit_data upstream with n-1 or n bytes; at k=n the reply is lost most of the time but"
              + " not always (92/100 measured), so both outcomes are accepted");
      case READ -> Applicability.exact(
          OffsetRule.ANY,
          "limit_data downstream with j bytes, added before the request is sent");
      case BETWEEN -> Applicability.exact(
          OffsetRule.NONE,
          "the server's graceful restart, or Toxiproxy disabling and re-enabling the proxy, after"
              + " response i-1 and before request i");
    };
  }

  private static Applicability reset(Phase phase) {
    return switch (phase) {
      case WRITE -> Applicability.onFreshConnection(
          OffsetRule.START_ONLY,
          "reset_peer upstream: it fires on the first bytes after it applies and drops them, so it"
              + " is exact only at k=0, and it sends RST only on a connection opened while it is"
              + " present");
      case READ -> Applicability.onFreshConnection(
          OffsetRule.START_ONLY,
          "reset_peer downstream: it fires on the first response bytes, so it is exact only at"
              + " j=0, and it sends RST only on a connection opened while it is present");
      case FLUSH -> Applicability.notApplicable(
          "reset_peer fires on the first bytes after it applies; it cannot let a request through"
              + " and cut at its end");
      case BETWEEN -> Applicability.notApplicable(
          "reset_peer on a connection that existed before it was added closes with FIN, which is"
              + " BETWEEN x CLOSE; on a new connection it is WRITE x RESET at k=0");
    };
  }

  private static Applicability blackhole(Phase phase) {
    return switch (phase) {
      case WRITE -> Applicability.exact(
          OffsetRule.START_ONLY,
          "timeout 0 upstream stops every byte from its creation, so it is exact only at k=0;"
              + " once the request has fallen into it, the harness ends the attempt through the"
              + " client's own timeout");
      case READ -> Applicability.exact(
          OffsetRule.START_ONLY,
          "timeout 0 downstream stops the whole response, so it is exact only at j=0; once the"
              + " server has run the request and its answer has fallen into it, the harness ends"
              + " the attempt through the client's own timeout");
      case FLUSH -> Applicability.notApplicable(
          "timeout 0 stops bytes from its creation; it cannot let a request through and stop it"
              + " at its end");
      case BETWEEN -> Applicability.notApplicable(
          "bytes stopping between requests is WRITE x BLACKHOLE at k=0: nothing closes");
    };
  }

  private static Applicability nonFatal(Phase phase, String toxic) {
    return switch (phase) {
      case WRITE -> Applicability.exact(
          OffsetRule.NONE, toxic + " upstream over the whole request; it must succeed first time");
      case READ -> Applicability.exact(
          OffsetRule.NONE, toxic + " downstream over the whole response; it must succeed first time");
      case FLUSH -> Applicability.notApplicable(
          toxic + " has no cut point: the request's direction is the WRITE cell");
      case BETWEEN -> Applicability.notApplicable(
          toxic + " on an idle connection disturbs nothing: the next request's direction is the"
              + " WRITE cell");
    };
  }

  /**
   * Checks {@code plan} against one request: the ranges of SPEC §5.1 for a request of {@code n}
   * encoded bytes whose response has {@code m} bytes, and whether the cell and offset can be
   * expressed honestly ({@link #applicability}).
   *
   * @throws InvalidFaultPlan naming the first problem found
   */
  public static void validate(FaultPlan plan, long n, long m) {
    if (n < 2) {
      throw new InvalidFaultPlan(plan, n, m, InvalidFaultPlan.Problem.REQUEST_TOO_SHORT);
    }
    Applicability cell = forPhaseAndKind(plan.phase(), plan.kind());
    if (!cell.applicable()) {
      throw new InvalidFaultPlan(plan, n, m, InvalidFaultPlan.Problem.NOT_EXPRESSIBLE);
    }
    switch (cell.offsets()) {
      case NONE, START_ONLY -> {
        if (plan.offset() != 0) {
          throw new InvalidFaultPlan(plan, n, m, InvalidFaultPlan.Problem.OFFSET_NOT_EXPRESSIBLE);
        }
      }
      case ANY -> {
        boolean inRange =
            switch (plan.phase()) {
              case WRITE -> plan.offset() < n - 1;
              case FLUSH -> plan.offset() == n - 1 || plan.offset() == n;
              case READ -> plan.offset() < m;
              case BETWEEN -> plan.offset() == 0;
            };
        if (!inRange) {
          throw new InvalidFaultPlan(plan, n, m, InvalidFaultPlan.Problem.OFFSET_OUT_OF_RANGE);
        }
      }
    }
    if (plan.phase() == Phase.READ && plan.kind().fatal() && m < 1) {
      throw new InvalidFaultPlan(plan, n, m, InvalidFaultPlan.Problem.OFFSET_OUT_OF_RANGE);
    }
    if (plan.phase() == Phase.BETWEEN && plan.requestIndex() == 0) {
      throw new InvalidFaultPlan(plan, n, m, InvalidFaultPlan.Problem.NO_PREVIOUS_REQUEST);
    }
  }

  /** Also checks that the plan's request exists in a sequence of {@code requestCount} requests. */
  public static void validate(FaultPlan plan, int requestCount, long n, long m) {
    if (plan.requestIndex() >= requestCount) {
      throw new InvalidFaultPlan(plan, n, m, InvalidFaultPlan.Problem.NO_SUCH_REQUEST);
    }
    validate(plan, n, m);
  }
}
