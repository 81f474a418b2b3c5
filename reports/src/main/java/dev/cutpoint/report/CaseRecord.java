package dev.cutpoint.report;

import java.util.List;
import java.util.Optional;

/**
 * One generated case: a request sequence run against a target under one fault, what the client
 * did, and the oracle's verdict.
 *
 * @param id unique within the report; also names the case file
 * @param seed the seed that generates this case alone
 * @param requests the sequence, in order, indexed from 0
 * @param calls the client's calls, one per request that was called
 * @param outcome how the case ended (the faulted call's outcome unless the verdict says otherwise)
 * @param durationMillis the case's wall time, dry run, faulted run, probe and judging included;
 *     empty only in a report of schema 1, which did not record it
 */
public record CaseRecord(
    String id,
    long seed,
    String target,
    List<RequestRecord> requests,
    FaultRecord fault,
    List<CallRecord> calls,
    Outcome outcome,
    Verdict verdict,
    Replay replay,
    Optional<Long> durationMillis) {

  public CaseRecord {
    Checks.text("id", id);
    Checks.text("target", target);
    requests = Checks.list("requests", requests);
    for (int i = 0; i < requests.size(); i++) {
      if (requests.get(i).index() != i) {
        throw new IllegalArgumentException(
            "case " + id + ": requests[" + i + "] has index " + requests.get(i).index());
      }
    }
    Checks.present("fault", fault);
    if (fault.requestIndex() >= requests.size()) {
      throw new IllegalArgumentException("case " + id + ": the fault hits request "
          + fault.requestIndex() + " of a sequence of " + requests.size());
    }
    calls = Checks.list("calls", calls);
    for (CallRecord call : calls) {
      if (call.requestIndex() >= requests.size()) {
        throw new IllegalArgumentException(
            "case " + id + ": a call of request " + call.requestIndex() + ", which does not exist");
      }
    }
    Checks.present("outcome", outcome);
    Checks.present("verdict", verdict);
    if (verdict.passed() == (outcome == Outcome.VIOLATION)) {
      throw new IllegalArgumentException("case " + id + ": outcome " + outcome + " disagrees with a "
          + (verdict.passed() ? "passed" : "failed") + " verdict");
    }
    Checks.present("replay", replay);
    durationMillis = Checks.optional(durationMillis);
    durationMillis.ifPresent(ms -> Checks.notNegative("durationMillis", ms));
  }

  /** The request the fault hits. */
  public RequestRecord faultedRequest() {
    return requests.get(fault.requestIndex());
  }

  /** The matrix cell this case counts in. */
  public CellKey cell() {
    return new CellKey(target, faultedRequest().verbClass(), fault.phase(), fault.kind());
  }
}
