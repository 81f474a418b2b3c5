package dev.cutpoint.drive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.history.Delivery;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.Phase;
import dev.cutpoint.history.Request;
import dev.cutpoint.verbs.VerbClass;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

class WorkloadTest {

  private static final Set<VerbClass> ALL = EnumSet.allOf(VerbClass.class);
  private static final List<Delivery> BOTH = List.of(Delivery.SERVER_RESTART, Delivery.PROXY_TOGGLE);

  @Test
  void theSameSeedDrawsTheSameCase() {
    MatrixCell cell = new MatrixCell(VerbClass.IDEM, Phase.WRITE, FaultKind.CLOSE);
    Arbitrary<CaseSpec> cases = Workload.cases(cell, ALL, BOTH, false);
    assertThat(Workload.sample(cases, 99, "a")).isEqualTo(Workload.sample(cases, 99, "a"));
    Set<CaseSpec> drawn = new HashSet<>();
    for (long seed = 0; seed < 20; seed++) {
      drawn.add(Workload.sample(cases, seed, "a"));
    }
    assertThat(drawn).hasSizeGreaterThan(10);
  }

  @Test
  void theFaultedRequestIsOfTheCellsClassAndTheOthersOfSupportedOnes() {
    for (VerbClass verbClass : VerbClass.values()) {
      MatrixCell cell = new MatrixCell(verbClass, Phase.READ, FaultKind.CLOSE);
      Set<VerbClass> supported = EnumSet.of(VerbClass.READ, verbClass);
      for (long seed = 0; seed < 30; seed++) {
        CaseSpec spec = Workload.sample(Workload.cases(cell, supported, BOTH, false), seed, "x");
        assertThat(spec.requests().get(spec.faultIndex()).verbClass()).isEqualTo(verbClass);
        assertThat(spec.requests()).allMatch(r -> supported.contains(r.verbClass()));
        assertThat(spec.requests()).hasSizeBetween(1, Workload.MAX_REQUESTS);
      }
    }
  }

  @Test
  void aBetweenFaultFollowsAPreviousRequestAndAPersistentOneIsAlone() {
    MatrixCell between = new MatrixCell(VerbClass.READ, Phase.BETWEEN, FaultKind.CLOSE);
    MatrixCell cut = new MatrixCell(VerbClass.READ, Phase.READ, FaultKind.CLOSE);
    for (long seed = 0; seed < 30; seed++) {
      CaseSpec spec = Workload.sample(Workload.cases(between, ALL, BOTH, false), seed, "x");
      assertThat(spec.faultIndex()).isGreaterThanOrEqualTo(1);
      assertThat(Workload.sample(Workload.cases(cut, ALL, BOTH, true), seed, "x").requests()).hasSize(1);
    }
  }

  @Test
  void payloadsAreUniquePerRequestAndSometimesMegabytes() {
    MatrixCell cell = new MatrixCell(VerbClass.MUTATE, Phase.WRITE, FaultKind.CLOSE);
    boolean large = false;
    for (long seed = 0; seed < 400; seed++) {
      CaseSpec spec = Workload.sample(Workload.cases(cell, ALL, BOTH, false), seed, "x");
      Set<String> markers = new HashSet<>();
      for (int i = 0; i < spec.requests().size(); i++) {
        Request request = Requests.recorded(i, spec.requests().get(i));
        request.body().bytes().filter(p -> p.form() == dev.cutpoint.history.PayloadForm.GENERATED)
            .ifPresent(p -> assertThat(markers.add(p.text())).isTrue());
        request.body().records().forEach(r -> assertThat(markers.add(r.payload().text())).isTrue());
      }
      large |= spec.requests().stream().anyMatch(r -> r.bodySize() >= 1024 * 1024);
    }
    assertThat(large).as("some body of a megabyte or more in 400 cases").isTrue();
  }

  @Test
  void theProbesBytesAreNoGeneratedRequests() {
    assertThat(Workload.FILES).doesNotContain(Workload.PROBE_PATH);
    assertThat(Workload.DIRECTORIES).doesNotContain(Workload.PROBE_PATH);
    assertThat(Workload.probe(3).verbClass()).isEqualTo(VerbClass.READ);
  }
}
