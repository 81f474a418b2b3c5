package dev.cutpoint.fault;

import dev.cutpoint.fault.Applicability.OffsetRule;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.FaultPlan;
import dev.cutpoint.history.Phase;
import dev.cutpoint.verbs.VerbClass;

/**
 * The fault matrix's cells and what Toxiproxy can express in each (SPEC §5.1's last paragraph,
 * §5.2, and the toxic behaviour observed on Toxiproxy 2.2.0 in §4.2). Whether a cell applies
 * depends on phase and kind, on the proxy's toxics (the embedded server's extensions cut RESET and
 * BLACKHOLE at any byte), and for the {@code stream} class on whether the target has
 * {@code insert_stream}.
 */
public final class FaultCells {

  private FaultCells() {}

  /** The cell's applicability on a target; {@code stream} needs the reference server's verb. */
  public static Applicability applicability(
      VerbClass verbClass,
      Phase phase,
      FaultKind kind,
      boolean targetHasInsertStream,
      ProxyToxics toxics) {
    if (verbClass == VerbClass.STREAM && !targetHasInsertStream) {
      return Applicability.notApplicable(
          "the target has no insert_stream verb (brz serve): no request of class stream exists");
    }
    return forPhaseAndKind(phase, kind, toxics);
  }

  /** The cell's applicability for any verb class (the class changes the expectations, not the cut). */
  public static Applicability forPhaseAndKind(Phase phase, FaultKind kind, ProxyToxics toxics) {
    return switch (kind) {
      case CLOSE -> close(phase);
      case RESET -> toxics == ProxyToxics.EMBEDDED ? resetAfter(phase) : reset(phase);
      case BLACKHOLE -> toxics == ProxyToxics.EMBEDDED ? blackHoleAfter(phase) : blackhole(phase);
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

  /** RST after exactly k bytes: the embedded server's {@code cutpoint_reset_after}. */
  private static Applicability resetAfter(Phase phase) {
    return switch (phase) {
      case WRITE -> Applicability.byExtension(
          OffsetRule.ANY,
          "cutpoint_reset_after upstream with k bytes, added between requests: it counts from its"
              + " creation, forwards exactly k request bytes, then resets both sides (RST), on any"
              + " connection");
      case FLUSH -> Applicability.byExtension(
          OffsetRule.ANY,
          "cutpoint_reset_after upstream with n-1 or n bytes; at k=n the server may or may not run"
              + " the request before the RST reaches it, and its reply may even beat the RST to the"
              + " client (as it may beat limit_data's close), so every outcome is accepted");
      case READ -> Applicability.byExtension(
          OffsetRule.ANY,
          "cutpoint_reset_after downstream with j bytes, added before the request is sent: the"
              + " client gets the first j response bytes (fewer when the RST overtakes bytes its"
              + " kernel had not yet taken in), then RST");
      case BETWEEN -> reset(phase);
    };
  }

  /**
   * A black hole after exactly k bytes: the embedded server's {@code cutpoint_blackhole_after}.
   * A cut in the request stops both ways (the answer of a server that answers an incomplete
   * message falls in too), so that the client can never progress once the rest of the request has
   * fallen in (SPEC §5.4).
   */
  private static Applicability blackHoleAfter(Phase phase) {
    return switch (phase) {
      case WRITE -> Applicability.byExtension(
          OffsetRule.ANY,
          "cutpoint_blackhole_after upstream with k bytes and downstream with 0, added between"
              + " requests: the server gets exactly k bytes, nothing comes back, nothing closes;"
              + " once the rest of the request has fallen in, the harness ends the attempt through"
              + " the client's own timeout");
      case FLUSH -> Applicability.byExtension(
          OffsetRule.ANY,
          "cutpoint_blackhole_after upstream with n-1 or n bytes and downstream with 0: at k=n-1"
              + " the terminal byte falls in, at k=n the server gets all of it and its answer falls"
              + " in; the harness ends the attempt through the client's own timeout once that byte"
              + " is swallowed");
      case READ -> Applicability.exact(
          OffsetRule.START_ONLY,
          "timeout 0 downstream stops the whole response, so it is exact only at j=0; a black"
              + " hole after j > 0 bytes is not used: some of the j may still be on their way to"
              + " the client when it begins to swallow, and nothing the harness sees tells when"
              + " the client has them all, so it could not know when the attempt can no longer"
              + " progress");
      case BETWEEN -> blackhole(phase);
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
  public static void validate(FaultPlan plan, long n, long m, ProxyToxics toxics) {
    if (n < 2) {
      throw new InvalidFaultPlan(plan, n, m, InvalidFaultPlan.Problem.REQUEST_TOO_SHORT);
    }
    Applicability cell = forPhaseAndKind(plan.phase(), plan.kind(), toxics);
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
  public static void validate(
      FaultPlan plan, int requestCount, long n, long m, ProxyToxics toxics) {
    if (plan.requestIndex() >= requestCount) {
      throw new InvalidFaultPlan(plan, n, m, InvalidFaultPlan.Problem.NO_SUCH_REQUEST);
    }
    validate(plan, n, m, toxics);
  }
}
