package dev.cutpoint.drive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.history.Delivery;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.Phase;
import dev.cutpoint.verbs.VerbClass;
import java.util.EnumSet;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The workload's arbitraries work under jqwik's engine too, with {@code @ForAll} and sampling alike. */
class WorkloadProperties {

  private static final MatrixCell CELL = new MatrixCell(VerbClass.STREAM, Phase.WRITE, FaultKind.CLOSE);

  @Provide
  Arbitrary<CaseSpec> streamCases() {
    return Workload.cases(CELL, EnumSet.allOf(VerbClass.class), List.of(Delivery.PROXY_TOGGLE), false);
  }

  @Property(tries = 50)
  void everyCaseFaultsARequestOfItsCell(@ForAll("streamCases") CaseSpec spec) {
    assertThat(spec.requests().get(spec.faultIndex()).verbClass()).isEqualTo(VerbClass.STREAM);
    assertThat(Workload.sample(streamCases(), 5, "inside")).isEqualTo(Workload.sample(streamCases(), 5, "inside"));
  }
}
