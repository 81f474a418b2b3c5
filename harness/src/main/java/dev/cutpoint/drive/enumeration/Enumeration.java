package dev.cutpoint.drive.enumeration;

import dev.cutpoint.check.Oracle;
import dev.cutpoint.check.Verdict;
import dev.cutpoint.drive.CaseResult;
import dev.cutpoint.drive.CaseRunner;
import dev.cutpoint.drive.FaultMatrix;
import dev.cutpoint.drive.HarnessError;
import dev.cutpoint.drive.MatrixCell;
import dev.cutpoint.drive.MatrixListener;
import dev.cutpoint.drive.PreparedCase;
import dev.cutpoint.drive.RequestDraft;
import dev.cutpoint.drive.Scheduling;
import dev.cutpoint.drive.Target;
import dev.cutpoint.drive.TargetPool;
import dev.cutpoint.drive.Targets;
import dev.cutpoint.drive.breezy.ExpectedFindings;
import dev.cutpoint.fault.Applicability;
import dev.cutpoint.history.FaultPlan;
import dev.cutpoint.history.Request;
import dev.cutpoint.history.Scenario;
import dev.cutpoint.verbs.VerbClass;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Runs an enumeration (SPEC §12): the workload once without a fault (the dry run tells each
 * response's length m; the fault-free run through the proxy is judged too, I8), then one case per
 * cut point of the plan, each judged by the oracle, through the matrix's case loop.
 *
 * <p>A case is the workload up to the request it cuts, then the probe: as a crash-consistency
 * test stops its workload at the crash, what would follow the cut cannot change how the cut was
 * handled, and the probe shows whether the client still works (I6).
 */
public final class Enumeration {

  private Enumeration() {}

  /**
   * Runs the enumeration of {@code settings}; the listener hears of each case as the matrix's does.
   *
   * @throws EnumerationRefusedException before any case runs, when the settings cannot be run: the
   *     target cannot run here, or has a verb for none of the workload's requests
   */
  public static EnumerationResult run(EnumerationSettings settings, MatrixListener listener) throws IOException {
    return run(settings, listener, nothingRunYet -> {});
  }

  /**
   * The same, telling {@code planned} the run before its first case (no case in it yet), so that a
   * run that does not end (Ctrl-C) can still be reported ({@link EnumerationSoFar}).
   */
  public static EnumerationResult run(
      EnumerationSettings settings, MatrixListener listener, Consumer<EnumerationResult> planned) throws IOException {
    Targets.requireKnown(settings.target());
    Optional<String> unavailable = Targets.unavailable(settings.target(), settings.targetSettings().breezy());
    if (unavailable.isPresent()) {
      throw new EnumerationRefusedException("target " + settings.target() + " cannot run here: " + unavailable.get());
    }
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    List<Target> pool = new ArrayList<>();
    try (Scheduling.Change scheduling = Scheduling.change(
        Scheduling.forTarget(settings.target(), settings.targetSettings().toxiproxy()))) {
      scheduling.failure().ifPresent(why -> listener.schedulingUnchanged(settings.target(), why));
      try {
        for (int i = 0; i < settings.workers(); i++) {
          pool.add(Targets.start(settings.target(), settings.targetSettings()));
        }
        return runOn(pool, settings, listener, planned, startedAt, start);
      } finally {
        pool.forEach(Target::close);
      }
    }
  }

  private static EnumerationResult runOn(
      List<Target> pool, EnumerationSettings settings, MatrixListener listener, Consumer<EnumerationResult> planned,
      Instant startedAt, long start) throws IOException {
    Target first = pool.get(0);
    EnumerationWorkload workload = settings.workload();
    List<RequestDraft> drafts = new ArrayList<>();
    List<EnumerationResult.OmittedRequest> omitted = new ArrayList<>();
    for (int i = 0; i < workload.requests().size(); i++) {
      RequestDraft draft = workload.requests().get(i);
      if (first.supports(draft.verbClass())) {
        drafts.add(draft);
      } else {
        omitted.add(new EnumerationResult.OmittedRequest(i, draft.verb(), draft.verbClass().breezyName(),
            first.applicability(new MatrixCell(draft.verbClass(), dev.cutpoint.history.Phase.WRITE,
                dev.cutpoint.history.FaultKind.CLOSE)).reason()));
      }
    }
    if (drafts.isEmpty()) {
      throw new EnumerationRefusedException("target " + first.name() + " has a verb for none of the workload's requests");
    }
    Scenario faultFree = first.scenario(settings.seed(), workload.initialState(), drafts, Optional.empty());
    List<Request> requests = faultFree.requests();
    List<Long> lengths = first.responseLengths(workload.initialState(), requests);
    Verdict faultFreeVerdict = Oracle.judge(first.run(new PreparedCase(faultFree, lengths)));

    Map<MatrixCell, Applicability> cells = new LinkedHashMap<>();
    FaultMatrix.cells().forEach(cell -> cells.put(cell, first.applicability(cell)));
    CutPointPlan plan = CutPointPlan.of(
        requests, lengths, first.betweenDeliveries(), cells::get, settings.stride(), settings.maxCases());

    // the order the cases run in: shuffled by the seed, so that a body's heavy cases spread over
    // the workers and no case can lean on the one before it; the results keep the plan's order
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < plan.cutPoints().size(); i++) {
      // a shard runs the cut points whose case id falls to it; the others run on other machines
      if (settings.shard().includes(plan.cutPoints().get(i).caseId(first.name()))) {
        order.add(i);
      }
    }
    Collections.shuffle(order, new Random(settings.seed()));
    planned.accept(new EnumerationResult(settings, first.name(), first.toxiproxyDescription(), first.toxiproxyVersion(),
        requests, lengths, omitted, faultFreeVerdict, plan, cells, List.of(), List.of(), startedAt,
        Duration.ofNanos(System.nanoTime() - start), Duration.ZERO, ExpectedFindings.reviewed()));
    listener.targetStarted(first.name(), first.toxiproxyDescription(), order.size(), pool.size());
    long casesStart = System.nanoTime();
    List<Object> ran = TargetPool.map(pool, order, (target, index) -> {
      CutPoint point = plan.cutPoints().get(index);
      String id = point.caseId(target.name());
      MatrixCell cell = cell(requests, point.plan());
      try {
        long caseStart = System.nanoTime();
        int last = point.requestIndex();
        Scenario scenario = new Scenario(faultFree.seed(), faultFree.target(), faultFree.client(),
            faultFree.initialState(), requests.subList(0, last + 1), Optional.of(point.plan()));
        CaseResult result = CaseRunner.judged(id, cell, target,
            new PreparedCase(scenario, lengths.subList(0, last + 1)), caseStart);
        listener.caseDone(result);
        return result;
      } catch (IOException | RuntimeException e) {
        HarnessError error = new HarnessError(id, cell, e.getClass().getSimpleName() + ": " + e.getMessage());
        listener.caseFailed(error);
        return error;
      }
    });
    Duration casesTime = Duration.ofNanos(System.nanoTime() - casesStart);
    Object[] inPlanOrder = new Object[plan.cutPoints().size()];
    for (int k = 0; k < order.size(); k++) {
      inPlanOrder[order.get(k)] = ran.get(k);
    }
    List<CaseResult> cases = new ArrayList<>();
    List<HarnessError> errors = new ArrayList<>();
    for (Object outcome : inPlanOrder) {
      if (outcome == null) {
        continue; // another shard's
      }
      if (outcome instanceof CaseResult result) {
        cases.add(result);
      } else {
        errors.add((HarnessError) outcome);
      }
    }
    return new EnumerationResult(settings, first.name(), first.toxiproxyDescription(), first.toxiproxyVersion(),
        requests, lengths, omitted, faultFreeVerdict, plan, cells, cases, errors, startedAt,
        Duration.ofNanos(System.nanoTime() - start), casesTime, ExpectedFindings.reviewed());
  }

  /** The matrix cell a cut point's case counts in: the class of the request it cuts, its phase and kind. */
  static MatrixCell cell(List<Request> requests, FaultPlan plan) {
    VerbClass verbClass = requests.get(plan.requestIndex()).verbClass();
    return new MatrixCell(verbClass, plan.phase(), plan.kind());
  }
}
