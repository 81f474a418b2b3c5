package dev.cutpoint.scenarios;

import dev.cutpoint.drive.CaseResult;
import dev.cutpoint.drive.CaseRunner;
import dev.cutpoint.drive.CaseSpec;
import dev.cutpoint.drive.JavaTarget;
import dev.cutpoint.drive.Target;
import dev.cutpoint.drive.TargetSettings;
import dev.cutpoint.history.Phase;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import net.jqwik.api.statistics.Statistics;

/**
 * The java target a container of properties runs its cases on: the reference client and server
 * through the configured Toxiproxy (embedded unless {@code cutpoint.toxiproxy} or
 * {@code TOXIPROXY_URL} says otherwise), started once for the container and reset by the driver
 * between cases.
 */
final class PropertyTarget implements AutoCloseable {

  private static final AtomicLong CASES = new AtomicLong();

  private final Target target;

  private PropertyTarget(Target target) {
    this.target = target;
  }

  static PropertyTarget start() throws IOException {
    return new PropertyTarget(JavaTarget.start(TargetSettings.defaults().withToxiproxy(RunSettings.system().toxiproxy())));
  }

  /** Runs one drawn case under a fresh id (the property's name) and the property's seed, and judges it. */
  CaseResult run(String property, CaseSpec drawn) throws IOException {
    String id = property + "-" + CASES.incrementAndGet() + "-" + drawn.cell().id() + (drawn.persistent() ? "-p" : "");
    CaseSpec spec = new CaseSpec(id, CutpointBudget.seed(), drawn.cell(), drawn.requests(), drawn.faultIndex(),
        drawn.offsetFraction(), drawn.betweenDelivery(), drawn.persistent());
    return CaseRunner.run(target, spec);
  }

  /**
   * Runs a round: each case, then {@code claim} on its result; counts each fault that fired by
   * phase × kind (and BETWEEN by delivery, persistent faults by phase), and asserts at the end of
   * the property that every one of {@code claimed} was injected.
   */
  void runRound(String property, List<CaseSpec> round, List<FaultShape> claimed, Consumer<CaseResult> claim)
      throws IOException {
    for (CaseSpec spec : round) {
      CaseResult result = run(property, spec);
      claim.accept(result);
      Statistics.collect(spec.cell().phase(), spec.cell().kind());
      if (spec.cell().phase() == Phase.BETWEEN) {
        Statistics.label("BETWEEN delivered by").collect(spec.betweenDelivery());
      }
      Statistics.label("persistent").collect(spec.persistent());
    }
    Statistics.coverage(coverage -> claimed.forEach(shape ->
        coverage.check(shape.phase(), shape.kind()).count(n -> n > 0)));
    if (claimed.stream().anyMatch(s -> s.phase() == Phase.BETWEEN)) {
      Statistics.label("BETWEEN delivered by").coverage(coverage -> claimed.stream()
          .filter(s -> s.phase() == Phase.BETWEEN)
          .forEach(shape -> coverage.check(shape.delivery()).count(n -> n > 0)));
    }
    if (claimed.stream().anyMatch(FaultShape::persistent)) {
      Statistics.label("persistent").coverage(coverage -> coverage.check(true).count(n -> n > 0));
    }
  }

  String toxiproxy() {
    return target.toxiproxyDescription();
  }

  @Override
  public void close() {
    target.close();
  }
}
