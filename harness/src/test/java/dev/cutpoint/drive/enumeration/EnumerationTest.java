package dev.cutpoint.drive.enumeration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.check.Invariant;
import dev.cutpoint.drive.CaseResult;
import dev.cutpoint.drive.JavaTarget;
import dev.cutpoint.drive.MatrixListener;
import dev.cutpoint.drive.Mutant;
import dev.cutpoint.drive.RequestDraft;
import dev.cutpoint.drive.Workload;
import dev.cutpoint.drive.breezy.BreezyInstallation;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.FaultPlan;
import dev.cutpoint.history.Phase;
import dev.cutpoint.verbs.VerbClass;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enumerations on the java target: the correct system passes every cut point; the mutants of SPEC
 * §8 are caught where a single cut can tell them from the correct system (the server that runs a
 * message missing its terminal {@code e} at exactly the cut points where its arguments are whole
 * and its end is not), and resending forever, which only a fault that stays can tell, is not.
 */
class EnumerationTest {

  @TempDir Path out;

  private EnumerationResult enumerate(Mutant mutant, RequestDraft... requests) throws IOException {
    EnumerationWorkload workload = new EnumerationWorkload("test", Workload.initialState(), List.of(requests));
    EnumerationSettings settings = new EnumerationSettings(workload, JavaTarget.NAME, mutant, Optional.empty(),
        EnumerationSettings.DEFAULT_STRIDE, Optional.empty(), 11, 2, out, Optional.empty(), Optional.empty(),
        BreezyInstallation.system());
    return Enumeration.run(settings, MatrixListener.NONE);
  }

  /** Where the cases that broke {@code invariant} were cut: {@code r1 FLUSH CLOSE 52}. */
  private static Set<String> cutsBreaking(EnumerationResult result, Invariant invariant) {
    return result.cases().stream()
        .filter(c -> c.verdict().violations().stream().anyMatch(v -> v.invariant() == invariant))
        .map(c -> where(c.record().scenario().fault().orElseThrow()))
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  private static String where(FaultPlan plan) {
    return "r" + plan.requestIndex() + " " + plan.phase() + " " + plan.kind() + " " + plan.offset();
  }

  @Test
  void theReferenceSystemHoldsAtEveryCutPointAndEveryFaultFires() throws IOException {
    EnumerationResult result = enumerate(Mutant.NONE,
        RequestDraft.plain("mkdir", VerbClass.SEMIVFS, "e", ""),
        RequestDraft.withPayload("append", VerbClass.MUTATE, "w1", 20, "f0", ""));

    assertThat(result.faultFree().passed()).isTrue();
    assertThat(result.errors()).isEmpty();
    assertThat(result.cases()).filteredOn(CaseResult::violated).isEmpty();
    assertThat(result.untested()).isEmpty();
    long n0 = result.requests().get(0).encodedLength();
    long n1 = result.requests().get(1).encodedLength();
    long m0 = result.responseLengths().get(0);
    long m1 = result.responseLengths().get(1);
    // on the embedded proxy: every kind at every k of each request; CLOSE and RESET at every j of
    // each response, BLACKHOLE at its start (SPEC §5.1); a gap by restart and by toggle
    assertThat(result.cases()).hasSize((int) (3 * ((n0 + 1) + (n1 + 1)) + 2 * (m0 + m1) + 2 + 2));
    assertThat(result.passed()).isTrue();
    assertThat(result.summaryLine()).isEqualTo(result.cases().size() + " cut points, 0 violating cases, 0 skipped by stride, "
        + result.notExpressible() + " not expressible");
  }

  /**
   * The mutant runs whatever complete parts arrived as if the terminal {@code e} had come, when its
   * input ends cleanly — after a close, or a black hole, whose removal closes the link once it has
   * swallowed bytes; never after a reset, an error: a body-less request at exactly k = n−1, a
   * request with a body at every k from the end of its arguments part (then it runs without its
   * body, or with the records that arrived) to n−1.
   */
  @Test
  void aServerThatRunsAMessageMissingItsEndIsCaughtFromTheEndOfItsArgumentsToNMinusOne() throws IOException {
    EnumerationResult result = enumerate(Mutant.SERVER_EXECUTES_PARTIAL,
        RequestDraft.plain("mkdir", VerbClass.SEMIVFS, "e", ""),
        RequestDraft.withPayload("put", VerbClass.IDEM, "w1", 20, "f1", ""),
        RequestDraft.stream("w2", List.of("s0", "s1"), List.of(16, 16)));

    Set<String> expected = new java.util.TreeSet<>();
    for (var request : result.requests()) {
      long n = request.encodedLength();
      long argumentsEnd = n - 1 - dev.cutpoint.drive.Requests.chunks(request.body()).stream()
          .mapToLong(chunk -> 5 + chunk.length()).sum();
      for (FaultKind kind : List.of(FaultKind.CLOSE, FaultKind.BLACKHOLE)) {
        for (long k = argumentsEnd; k < n - 1; k++) {
          expected.add("r" + request.index() + " WRITE " + kind + " " + k);
        }
        expected.add("r" + request.index() + " FLUSH " + kind + " " + (n - 1));
      }
    }
    assertThat(cutsBreaking(result, Invariant.I1)).isEqualTo(expected);
    assertThat(result.cases()).filteredOn(CaseResult::violated)
        .extracting(c -> where(c.record().scenario().fault().orElseThrow()))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(expected).filteredOn(cut -> cut.startsWith("r0 "))
        .containsExactly("r0 FLUSH BLACKHOLE " + (result.requests().get(0).encodedLength() - 1),
            "r0 FLUSH CLOSE " + (result.requests().get(0).encodedLength() - 1));
  }

  @Test
  void aClientThatResendsEverythingRunsAnAppendTwice() throws IOException {
    EnumerationResult result = enumerate(Mutant.RESEND_ALL,
        RequestDraft.withPayload("append", VerbClass.MUTATE, "w0", 20, "f0", ""));

    assertThat(cutsBreaking(result, Invariant.I2)).isNotEmpty()
        .allSatisfy(cut -> assertThat(cut).matches("r0 (READ \\w+|FLUSH \\w+) \\d+"));
  }

  @Test
  void aClientThatNeverResendsFailsAReadItCouldHaveSaved() throws IOException {
    EnumerationResult result = enumerate(Mutant.RESEND_NONE, RequestDraft.plain("get", VerbClass.READ, "f0"));

    assertThat(cutsBreaking(result, Invariant.I3)).hasSizeGreaterThan(result.cases().size() / 2);
  }

  @Test
  void aClientThatResendsAStartedStreamIsCaught() throws IOException {
    EnumerationResult result = enumerate(Mutant.RESEND_STARTED_STREAM,
        RequestDraft.stream("w0", List.of("s0", "s1"), List.of(16, 16)));

    long n = result.requests().get(0).encodedLength();
    // among its catches, cuts inside the stream's body, after the first record went out
    assertThat(result.cases()).filteredOn(CaseResult::violated)
        .anySatisfy(c -> {
          FaultPlan plan = c.record().scenario().fault().orElseThrow();
          assertThat(plan.phase()).isEqualTo(Phase.WRITE);
          assertThat(plan.offset()).isGreaterThan(n - 1 - 2 * (5 + 16 + 10));
        });
  }

  /**
   * Resending forever differs from Breezy's rule only when a resend fails again: a cut that hits
   * one connection, once, as every cut point is, cannot tell them apart (the matrix's persistent
   * cases catch it, I5).
   */
  @Test
  void aClientThatResendsForeverPassesEveryOneShotCut() throws IOException {
    EnumerationResult result = enumerate(Mutant.RESEND_FOREVER,
        RequestDraft.withPayload("append", VerbClass.MUTATE, "w0", 20, "f0", ""));

    assertThat(result.cases()).isNotEmpty().noneMatch(CaseResult::violated);
  }

  @Test
  void aClientWithoutATimeoutHangsInEveryBlackHole() throws IOException {
    EnumerationResult result = enumerate(Mutant.NO_TIMEOUT, RequestDraft.plain("has", VerbClass.READ, "f0"));

    Set<String> blackHoles = result.cases().stream().map(c -> c.record().scenario().fault().orElseThrow())
        .filter(f -> f.kind() == FaultKind.BLACKHOLE).map(EnumerationTest::where)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
    assertThat(blackHoles).contains("r0 READ BLACKHOLE 0", "r0 WRITE BLACKHOLE 0",
        "r0 FLUSH BLACKHOLE " + result.requests().get(0).encodedLength());
    assertThat(cutsBreaking(result, Invariant.I6)).isEqualTo(blackHoles);
    assertThat(result.cases()).filteredOn(CaseResult::violated)
        .allSatisfy(c -> assertThat(c.cell().kind()).isEqualTo(FaultKind.BLACKHOLE));
  }
}
