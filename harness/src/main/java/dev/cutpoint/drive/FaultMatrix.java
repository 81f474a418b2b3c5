package dev.cutpoint.drive;

import dev.cutpoint.drive.breezy.ExpectedFindings;
import dev.cutpoint.fault.Applicability;
import dev.cutpoint.history.Delivery;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.Phase;
import dev.cutpoint.report.SkippedTarget;
import dev.cutpoint.verbs.VerbClass;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitrary;

/**
 * The fault matrix (SPEC §6): for each target, every cell verb class × phase × kind, exhaustively;
 * {@code tries} cases per applicable cell, each drawn from a seed derived from the run's seed, the
 * cell and the try, so that a run is the same for the same seed; cells that cannot be expressed are
 * listed with the reason. Then a few <i>persistent</i> cases per resendable phase (CLOSE at WRITE
 * and READ, hitting every connection of the call), where a loud failure after at most one resend is
 * right — the scenario that catches a client that resends forever. Every case is judged by the
 * oracle; the first violating case of each cell and invariant is shrunk.
 */
public final class FaultMatrix {

  /** Phases of the persistent cases: the request lost on its way, or its reply. */
  static final List<Phase> PERSISTENT_PHASES = List.of(Phase.WRITE, Phase.READ);

  private FaultMatrix() {}

  /** Every cell of the matrix, row by row: verb class, then phase, then kind. */
  public static List<MatrixCell> cells() {
    List<MatrixCell> cells = new ArrayList<>();
    for (VerbClass verbClass : VerbClass.values()) {
      for (Phase phase : Phase.values()) {
        for (FaultKind kind : FaultKind.values()) {
          cells.add(new MatrixCell(verbClass, phase, kind));
        }
      }
    }
    return cells;
  }

  /** Runs the matrix on every target of {@code settings}, each with its own number of workers. */
  public static MatrixResult run(MatrixSettings settings, MatrixListener listener) throws IOException {
    settings.targets().forEach(Targets::requireKnown);
    MatrixListener serial = synchronizedListener(listener);
    Instant started = Instant.now();
    long start = System.nanoTime();
    List<TargetResult> results = new ArrayList<>();
    List<SkippedTarget> skipped = new ArrayList<>();
    for (String name : settings.targets()) {
      Optional<String> unavailable = Targets.unavailable(name, settings.breezy());
      if (unavailable.isPresent()) {
        skipped.add(new SkippedTarget(name, unavailable.get()));
        serial.targetSkipped(name, unavailable.get());
        continue;
      }
      List<Target> pool = new ArrayList<>();
      try (Scheduling.Change scheduling = Scheduling.change(Scheduling.forTarget(name, settings.toxiproxy()))) {
        scheduling.failure().ifPresent(why -> serial.schedulingUnchanged(name, why));
        try {
          for (int i = 0; i < settings.workers(name); i++) {
            pool.add(Targets.start(name, settings.targetSettings()));
          }
          results.add(runOn(pool, settings, serial));
        } finally {
          pool.forEach(Target::close);
        }
      }
    }
    return new MatrixResult(settings, results, started, Duration.ofNanos(System.nanoTime() - start), skipped,
        ExpectedFindings.reviewed());
  }

  /** Runs the matrix on one started target, one case at a time. */
  public static TargetResult runOn(Target target, MatrixSettings settings, MatrixListener listener) {
    return runOn(List.of(target), settings, listener);
  }

  /**
   * Runs the matrix on a pool of started instances of one target, one case per instance at a time.
   * The cases are drawn up front, and the results keep their order, so that a run is the same for
   * the same seed whatever the number of workers. After all have run, each case with a new
   * violation is replayed {@code confirm} times on the same pool; then the violating cases to
   * shrink are chosen, in that order, among those whose violation came back at least once.
   */
  static TargetResult runOn(List<Target> pool, MatrixSettings settings, MatrixListener listener) {
    Target first = pool.get(0);
    Map<MatrixCell, Applicability> cells = new LinkedHashMap<>();
    cells().forEach(cell -> cells.put(cell, first.applicability(cell)));
    Set<VerbClass> supported = EnumSet.noneOf(VerbClass.class);
    for (VerbClass verbClass : VerbClass.values()) {
      if (first.supports(verbClass)) {
        supported.add(verbClass);
      }
    }
    List<CaseSpec> planned = Workload.drawing(() -> {
      List<CaseSpec> drawn = new ArrayList<>();
      cells.forEach((cell, applicability) -> {
        if (applicability.applicable()) {
          drawn.addAll(draw(first, settings, cell, supported, false));
        }
      });
      for (VerbClass verbClass : supported) {
        for (Phase phase : PERSISTENT_PHASES) {
          drawn.addAll(draw(first, settings, new MatrixCell(verbClass, phase, FaultKind.CLOSE), supported, true));
        }
      }
      // every shard draws the whole run from the seed, and keeps its part
      return drawn.stream().filter(spec -> settings.shard().includes(spec.id())).toList();
    });
    listener.targetPlanned(new TargetPlan(first.name(), first.toxiproxyDescription(), first.toxiproxyVersion(), cells,
        planned.size(), pool.size()));
    listener.targetStarted(first.name(), first.toxiproxyDescription(), planned.size(), pool.size());
    long casesStart = System.nanoTime();
    TargetPool.Work<Integer, Object> runCase = (target, index) -> {
      CaseSpec spec = planned.get(index);
      try {
        CaseResult result = CaseRunner.run(target, spec);
        listener.caseDone(result);
        return result;
      } catch (IOException | RuntimeException e) {
        HarnessError error = new HarnessError(spec.id(), spec.cell(), describe(e));
        listener.caseFailed(error);
        return error;
      }
    };
    // no case waits on guessed time (black holes end on the harness's clock): one pool runs them all,
    // in an order mixed from the seed, so that the JIT's warm-up is not charged to the first cells'
    // times and an interrupted run has finished cases in every cell
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < planned.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(settings.seed()));
    List<Object> mixed = TargetPool.map(pool, order, runCase);
    List<Object> ran = new ArrayList<>(Collections.nCopies(planned.size(), null));
    for (int k = 0; k < order.size(); k++) {
      ran.set(order.get(k), mixed.get(k));
    }
    Duration casesTime = Duration.ofNanos(System.nanoTime() - casesStart);
    ExpectedFindings expected = ExpectedFindings.reviewed();
    // a violation a reviewed finding explains needs no replay and no counterexample: that is wasted time
    List<Integer> fresh = new ArrayList<>();
    for (int i = 0; i < ran.size(); i++) {
      if (ran.get(i) instanceof CaseResult result && result.verdict().violations().stream()
          .anyMatch(v -> expected.covering(first.name(), result.cell(), v.invariant()).isEmpty())) {
        fresh.add(i);
      }
    }
    confirm(pool, settings, listener, ran, fresh);
    List<Integer> toShrink = new ArrayList<>();
    if (settings.minimize()) {
      Set<String> chosen = new HashSet<>();
      for (int i : fresh) {
        CaseResult result = (CaseResult) ran.get(i);
        // one that never came back would not shrink either: every step of the minimizer re-runs it
        if (result.confirmation().map(c -> c.of(result.firstViolated().orElseThrow()) > 0).orElse(true)) {
          CaseSpec spec = planned.get(i);
          String key = spec.cell().id() + "/" + spec.persistent() + "/" + result.firstViolated().orElseThrow();
          if (chosen.add(key)) {
            toShrink.add(i);
          }
        }
      }
    }
    List<CaseResult> minimal = TargetPool.map(pool, toShrink, (target, i) -> {
      CaseResult original = (CaseResult) ran.get(i);
      CaseResult shrunk = Minimizer.minimize(target, planned.get(i), original);
      if (shrunk != original) {
        listener.minimized(original, shrunk);
      }
      return shrunk;
    });
    for (int k = 0; k < toShrink.size(); k++) {
      ran.set(toShrink.get(k), minimal.get(k));
    }
    List<CaseResult> results = new ArrayList<>();
    List<HarnessError> errors = new ArrayList<>();
    for (Object outcome : ran) {
      if (outcome instanceof CaseResult result) {
        results.add(result);
      } else {
        errors.add((HarnessError) outcome);
      }
    }
    return new TargetResult(first.name(), first.toxiproxyDescription(), first.toxiproxyVersion(), cells, results,
        errors, settings.tries(), casesTime, pool.size());
  }

  /**
   * Replays each case of {@code indices} {@code settings.confirm()} times from its case file, on
   * the run's own targets, and puts it back into {@code ran} with what the replays showed. The
   * replays of one case are spread over the pool like any work, so a lone violation does not keep
   * the others idle.
   */
  private static void confirm(
      List<Target> pool, MatrixSettings settings, MatrixListener listener, List<Object> ran, List<Integer> indices) {
    int times = settings.confirm();
    if (times == 0 || indices.isEmpty()) {
      return;
    }
    listener.confirming(pool.get(0).name(), indices.size(), times);
    List<ReplayJob> replays = new ArrayList<>();
    for (int i : indices) {
      for (int k = 1; k <= times; k++) {
        replays.add(new ReplayJob(i, k));
      }
    }
    List<Object> outcomes = TargetPool.map(pool, replays, (target, replay) -> {
      CaseResult original = (CaseResult) ran.get(replay.caseIndex());
      try {
        return Replay.run(CaseFile.of(original, settings.mutant()), target).replayed();
      } catch (IOException | RuntimeException e) {
        HarnessError error = new HarnessError(original.id(), original.cell(), "replay " + replay.number() + " of "
            + times + ": " + describe(e));
        listener.replayFailed(error);
        return error;
      }
    });
    for (int n = 0; n < indices.size(); n++) {
      List<Object> mine = outcomes.subList(n * times, (n + 1) * times);
      List<CaseResult> replayed = mine.stream().filter(CaseResult.class::isInstance).map(CaseResult.class::cast).toList();
      List<String> failures = mine.stream().filter(HarnessError.class::isInstance)
          .map(o -> ((HarnessError) o).reason()).toList();
      int index = indices.get(n);
      ran.set(index, ((CaseResult) ran.get(index)).withConfirmation(
          Optional.of(Confirmation.of(times, replayed, failures))));
    }
  }

  /** The {@code number}th replay (from 1) of the case at {@code caseIndex} of a target's run. */
  private record ReplayJob(int caseIndex, int number) {}

  private static MatrixListener synchronizedListener(MatrixListener listener) {
    return new MatrixListener() {
      @Override
      public synchronized void targetStarted(String target, String toxiproxy, long plannedCases, int workers) {
        listener.targetStarted(target, toxiproxy, plannedCases, workers);
      }

      @Override
      public synchronized void targetPlanned(TargetPlan plan) {
        listener.targetPlanned(plan);
      }

      @Override
      public synchronized void confirming(String target, int cases, int replays) {
        listener.confirming(target, cases, replays);
      }

      @Override
      public synchronized void replayFailed(HarnessError error) {
        listener.replayFailed(error);
      }

      @Override
      public synchronized void targetSkipped(String target, String reason) {
        listener.targetSkipped(target, reason);
      }

      @Override
      public synchronized void schedulingUnchanged(String target, String why) {
        listener.schedulingUnchanged(target, why);
      }

      @Override
      public synchronized void caseDone(CaseResult result) {
        listener.caseDone(result);
      }

      @Override
      public synchronized void caseFailed(HarnessError error) {
        listener.caseFailed(error);
      }

      @Override
      public synchronized void minimized(CaseResult original, CaseResult minimal) {
        listener.minimized(original, minimal);
      }
    };
  }

  private static List<CaseSpec> draw(
      Target target, MatrixSettings settings, MatrixCell cell, Set<VerbClass> supported, boolean persistent) {
    List<Delivery> deliveries = target.betweenDeliveries();
    Arbitrary<CaseSpec> arbitrary = Workload.cases(cell, supported, deliveries, persistent);
    List<CaseSpec> specs = new ArrayList<>();
    for (int attempt = 0; attempt < settings.tries(); attempt++) {
      String id = target.name() + "-" + cell.id() + "-" + (persistent ? "p" : "") + attempt;
      specs.add(Workload.sample(arbitrary, caseSeed(settings.seed(), target.name(), cell, persistent, attempt), id));
    }
    return specs;
  }

  /** The seed of one case: the same run seed, target, cell and try always draw the same case. */
  static long caseSeed(long runSeed, String target, MatrixCell cell, boolean persistent, int attempt) {
    long h = runSeed;
    h = mix(h ^ target.hashCode());
    h = mix(h ^ cell.id().hashCode());
    h = mix(h ^ (persistent ? 1 : 0));
    return mix(h ^ attempt);
  }

  /** SplitMix64's finaliser: neighbouring inputs give unrelated seeds. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static String describe(Exception e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
