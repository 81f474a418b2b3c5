package dev.cutpoint.drive.enumeration;

import dev.cutpoint.check.Verdict;
import dev.cutpoint.drive.CaseResult;
import dev.cutpoint.drive.HarnessError;
import dev.cutpoint.drive.MatrixCell;
import dev.cutpoint.drive.breezy.ExpectedFindings;
import dev.cutpoint.fault.Applicability;
import dev.cutpoint.history.Request;
import dev.cutpoint.report.InvariantId;
import dev.cutpoint.report.ViolationCount;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An enumeration run: the workload as the target's client sends it (each request's n, each
 * response's m from the dry run), the requests left out, the fault-free run and its verdict, the
 * plan, every cut point's case (in the plan's order) or harness error, and the time.
 */
public record EnumerationResult(
    EnumerationSettings settings,
    String target,
    String toxiproxy,
    String toxiproxyVersion,
    List<Request> requests,
    List<Long> responseLengths,
    List<OmittedRequest> omitted,
    Verdict faultFree,
    CutPointPlan plan,
    Map<MatrixCell, Applicability> cells,
    List<CaseResult> cases,
    List<HarnessError> errors,
    Instant startedAt,
    Duration elapsed,
    Duration casesTime,
    ExpectedFindings expected) {

  /** A request of the workload the target has no verb for. */
  public record OmittedRequest(int workloadIndex, String verb, String verbClass, String reason) {}

  public EnumerationResult {
    Objects.requireNonNull(settings, "settings");
    requests = List.copyOf(requests);
    responseLengths = List.copyOf(responseLengths);
    omitted = List.copyOf(omitted);
    Objects.requireNonNull(faultFree, "faultFree");
    Objects.requireNonNull(plan, "plan");
    cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    cases = List.copyOf(cases);
    errors = List.copyOf(errors);
  }

  /** The same run with {@code cases} and {@code errors} finished, timed as given. */
  public EnumerationResult with(List<CaseResult> cases, List<HarnessError> errors, Duration elapsed, Duration casesTime) {
    return new EnumerationResult(settings, target, toxiproxy, toxiproxyVersion, requests, responseLengths, omitted,
        faultFree, plan, cells, cases, errors, startedAt, elapsed, casesTime, expected);
  }

  public long violations() {
    return cases.stream().filter(CaseResult::violated).count();
  }

  /** Cases with a violation no reviewed finding covers. */
  public long newViolations() {
    return cases.stream().filter(c -> c.verdict().violations().stream()
        .anyMatch(v -> expected.covering(target, c.cell(), v.invariant()).isEmpty())).count();
  }

  /** Cases whose fault did not fire, or in which the harness doubted its own run: they tested nothing. */
  public List<CaseResult> untested() {
    return cases.stream().filter(c -> !c.tested()).toList();
  }

  /** Stride and {@code --max-cases} together: expressible cut points the run chose not to cut. */
  public long skippedByStride() {
    return plan.skipped(SkipCause.STRIDE) + plan.skipped(SkipCause.MAX_CASES);
  }

  public long notExpressible() {
    return plan.skipped(SkipCause.NOT_EXPRESSIBLE);
  }

  /** Cut points per second while the cases ran. */
  public double caseRate() {
    double seconds = casesTime.toNanos() / 1e9;
    return seconds > 0 ? cases.size() / seconds : 0;
  }

  /** Cut points per second over the whole run, starting the targets and the fault-free run included. */
  public double rate() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds > 0 ? cases.size() / seconds : 0;
  }

  /**
   * No new violation (the fault-free run's included), no harness error, and every cut point's
   * fault fired.
   */
  public boolean passed() {
    return faultFree.passed() && newViolations() == 0 && errors.isEmpty() && untested().isEmpty();
  }

  /**
   * The one count of the cases' violations, in the report's unit as {@code matrix} counts them:
   * violating cases, those that reviewed findings cover entirely, and the invariants broken.
   */
  public ViolationCount violationCount() {
    ViolationCount count = ViolationCount.NONE;
    for (CaseResult c : cases) {
      List<InvariantId> broken = c.verdict().violations().stream()
          .map(v -> InvariantId.valueOf(v.invariant().name())).toList();
      boolean covered = c.verdict().violations().stream()
          .allMatch(v -> expected.covering(target, c.cell(), v.invariant()).isPresent());
      count = count.plus(broken, covered);
    }
    return count;
  }

  /**
   * {@code N cut points, 0 violating cases, S skipped by stride} (the middle is {@link
   * ViolationCount#describe}, as in {@code matrix}'s last line), then {@code , E not expressible}
   * when the target could not cut everywhere.
   */
  public String summaryLine() {
    return cases.size() + " cut points, " + violationCount().describe() + ", " + skippedByStride()
        + " skipped by stride" + (notExpressible() > 0 ? ", " + notExpressible() + " not expressible" : "")
        + (settings.shard().isWhole() ? "" : ", shard " + settings.shard() + " (cutpoint merge joins the shards)");
  }
}
