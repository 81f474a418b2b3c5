package dev.cutpoint.drive.breezy;

import dev.cutpoint.check.Invariant;
import dev.cutpoint.drive.CaseResult;
import dev.cutpoint.drive.CaseRunner;
import dev.cutpoint.drive.CaseSpec;
import dev.cutpoint.drive.MatrixCell;
import dev.cutpoint.drive.MatrixResult;
import dev.cutpoint.drive.MatrixSettings;
import dev.cutpoint.drive.RequestDraft;
import dev.cutpoint.drive.Target;
import dev.cutpoint.drive.TargetResult;
import dev.cutpoint.fault.Applicability;
import dev.cutpoint.history.Delivery;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.Phase;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A small slice of the fault matrix run on one started target: hand-picked cases, each judged as
 * the matrix judges it, and the slice as a matrix result (its cells only, one try each) to compare
 * with expected findings.
 */
final class Slice {

  private final Target target;
  private final List<CaseResult> results = new ArrayList<>();

  Slice(Target target) {
    this.target = target;
  }

  /** A case whose last request is the faulted one. */
  static CaseSpec spec(
      String id, Phase phase, FaultKind kind, double fraction, Delivery between, RequestDraft... requests) {
    return spec(id, requests.length - 1, phase, kind, fraction, between, requests);
  }

  /** A case whose request {@code faultIndex} is the faulted one. */
  static CaseSpec spec(String id, int faultIndex, Phase phase, FaultKind kind, double fraction,
      Delivery between, RequestDraft... requests) {
    RequestDraft faulted = requests[faultIndex];
    return new CaseSpec(id, 1, new MatrixCell(faulted.verbClass(), phase, kind), List.of(requests),
        faultIndex, fraction, between, false);
  }

  /** Runs and judges the case, and keeps it for {@link #result}. */
  CaseResult run(CaseSpec spec) throws IOException {
    CaseResult result = CaseRunner.run(target, spec);
    results.add(result);
    return result;
  }

  /** The slice as a matrix run compared with {@code expected}. */
  MatrixResult result(ExpectedFindings expected) {
    Map<MatrixCell, Applicability> cells = new LinkedHashMap<>();
    results.forEach(r -> cells.put(r.cell(), target.applicability(r.cell())));
    TargetResult slice = new TargetResult(target.name(), target.toxiproxyDescription(),
        target.toxiproxyVersion(), cells, results, List.of(), 1, Duration.ZERO);
    MatrixSettings settings = MatrixSettings.of(1).withTargets(List.of(target.name())).withTries(1);
    return new MatrixResult(settings, List.of(slice), Instant.now(), Duration.ZERO, List.of(), expected);
  }

  /** The invariants a case broke. */
  static Set<Invariant> broken(CaseResult result) {
    return result.verdict().violations().stream().map(v -> v.invariant()).collect(Collectors.toSet());
  }

  /** Every violation with its evidence, for assertion messages. */
  static String describe(CaseResult result) {
    return result.id() + ": " + result.record().injection().evidence() + "; "
        + result.verdict().violations().stream()
            .map(v -> v.invariant() + " " + v.evidence())
            .collect(Collectors.joining("; "))
        + "; calls " + result.record().calls().stream().map(c -> c.outcome().toString()).toList();
  }
}
