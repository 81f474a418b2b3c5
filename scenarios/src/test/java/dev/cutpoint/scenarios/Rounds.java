package dev.cutpoint.scenarios;

import dev.cutpoint.drive.CaseSpec;
import dev.cutpoint.drive.MatrixCell;
import dev.cutpoint.drive.Workload;
import dev.cutpoint.history.Delivery;
import dev.cutpoint.history.Phase;
import dev.cutpoint.verbs.VerbClass;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A property's try is a <i>round</i>: one case per fault shape the property claims, each drawn from
 * the driver's own generator ({@link Workload#cases}) for a verb class the claim is about. A round
 * injects every claimed phase × kind once, so a small budget covers them all (which
 * {@code Statistics.coverage} then asserts from the faults that actually fired), and jqwik shrinks a
 * failing round case by case.
 */
final class Rounds {

  /** The java target has every verb class; the requests around the faulted one may be of any. */
  static final Set<VerbClass> SUPPORTED = EnumSet.allOf(VerbClass.class);
  /** For phases other than BETWEEN the delivery is a toxic; the generator still wants a choice. */
  private static final List<Delivery> BETWEEN_DELIVERIES = List.of(Delivery.SERVER_RESTART, Delivery.PROXY_TOGGLE);

  private Rounds() {}

  /** One case per shape, the faulted request of one of {@code faulted}'s classes. */
  static Arbitrary<List<CaseSpec>> of(Collection<VerbClass> faulted, List<FaultShape> shapes) {
    List<Arbitrary<CaseSpec>> cases = new ArrayList<>();
    for (FaultShape shape : shapes) {
      List<Delivery> deliveries = shape.phase() == Phase.BETWEEN ? List.of(shape.delivery()) : BETWEEN_DELIVERIES;
      cases.add(Arbitraries.of(List.copyOf(faulted)).flatMap(verbClass ->
          Workload.cases(new MatrixCell(verbClass, shape.phase(), shape.kind()), SUPPORTED, deliveries,
              shape.persistent())));
    }
    return Combinators.combine(cases).as(List::copyOf);
  }

  /** The same round with every FLUSH cut at n−1 (all but the terminal {@code e}), never at n. */
  static Arbitrary<List<CaseSpec>> flushBeforeTheEnd(Arbitrary<List<CaseSpec>> round) {
    return round.map(specs -> specs.stream().map(Rounds::beforeTheEnd).toList());
  }

  private static CaseSpec beforeTheEnd(CaseSpec spec) {
    if (spec.cell().phase() != Phase.FLUSH) {
      return spec;
    }
    // the planner cuts FLUSH at n−1 for a fraction below ½ (FaultPlanner)
    return new CaseSpec(spec.id(), spec.seed(), spec.cell(), spec.requests(), spec.faultIndex(),
        spec.offsetFraction() / 2, spec.betweenDelivery(), spec.persistent());
  }
}
