package dev.cutpoint.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.check.Invariant;
import dev.cutpoint.drive.CaseResult;
import dev.cutpoint.drive.JavaTarget;
import dev.cutpoint.drive.MatrixSettings;
import dev.cutpoint.drive.Mutant;
import dev.cutpoint.drive.ProgressLines;
import dev.cutpoint.drive.Requests;
import dev.cutpoint.drive.Scheduling;
import dev.cutpoint.drive.Targets;
import dev.cutpoint.drive.breezy.BreezyTargets;
import dev.cutpoint.drive.enumeration.Enumeration;
import dev.cutpoint.drive.enumeration.EnumerationReports;
import dev.cutpoint.drive.enumeration.EnumerationResult;
import dev.cutpoint.drive.enumeration.EnumerationSettings;
import dev.cutpoint.drive.enumeration.EnumerationWorkload;
import dev.cutpoint.history.BodyKind;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.FaultPlan;
import dev.cutpoint.history.Phase;
import dev.cutpoint.report.FailurePrinter;
import dev.cutpoint.report.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every cut point of the built-in workload (SPEC §12), as {@code mvn verify -Pfault-matrix} runs it
 * (the profile includes this class; {@code mvn verify} leaves it out): on the java target with no
 * violation and every fault fired; with the server that runs a message missing its {@code e}, caught
 * where its arguments are whole and its end is not, and nowhere else; and on {@code breezy-server}
 * where Breezy is installed, on the workload's body-less requests, where {@code brz serve} is caught
 * running a body-less semi or semivfs request at k = n−1, whatever cut the rest (close, reset or
 * black hole), and nowhere else (the reviewed finding), and nothing new is found. Reports under
 * {@code reports/target/enumerate*}, written before anything is asserted.
 */
class EnumerationIT {

  /** The kinds after which the server's input ends cleanly: the mutant runs what it has. */
  private static final Set<FaultKind> ENDS_INPUT = EnumSet.of(FaultKind.CLOSE, FaultKind.BLACKHOLE);

  private final PrintStream out = System.out;
  private final RunSettings asked = RunSettings.system();
  private final long seed = asked.seed().orElseGet(() -> new SecureRandom().nextLong());

  private EnumerationResult enumerate(String target, Mutant mutant, String out) throws IOException {
    return enumerate(EnumerationWorkload.builtIn(), target, mutant, out);
  }

  private EnumerationResult enumerate(EnumerationWorkload workload, String target, Mutant mutant, String out)
      throws IOException {
    EnumerationSettings settings = new EnumerationSettings(workload, target, mutant,
        asked.toxiproxy(), EnumerationSettings.DEFAULT_STRIDE, Optional.empty(), seed,
        MatrixSettings.defaultWorkers(target), asked.root().resolve(Path.of("reports", "target", out)),
        Optional.empty(), Optional.empty(), asked.breezy());
    this.out.println("enumerate: target " + target + ", mutant " + mutant.label() + ", seed " + seed
        + " (-D" + RunSettings.SEED + "), scheduling " + Scheduling.describe(List.of(target), asked.toxiproxy()));
    ProgressLines progress = new ProgressLines(this.out, Progress::toStdout);
    EnumerationResult result = Enumeration.run(settings, progress);
    progress.finish();
    EnumerationReports.Written written = EnumerationReports.write(result);
    FailurePrinter.printNew(this.out, EnumerationReports.toReport(result));
    result.untested().forEach(c -> this.out.println("fault did not fire in " + c.id()));
    result.errors().forEach(e -> this.out.println("harness error in " + e.caseId() + ": " + e.reason()));
    this.out.println("report: " + written.report().html());
    this.out.println(String.format(Locale.ROOT, "rate: %.1f cut points/s while running cases; %d in %.1f s in all",
        result.caseRate(), result.cases().size(), result.elapsed().toMillis() / 1000.0));
    this.out.println(result.summaryLine());
    return result;
  }

  /** Where the cases that broke {@code invariant} were cut: {@code r8 FLUSH CLOSE 52}. */
  private static Set<String> cutsBreaking(EnumerationResult result, Invariant invariant) {
    return result.cases().stream()
        .filter(c -> c.verdict().violations().stream().anyMatch(v -> v.invariant() == invariant))
        .map(c -> where(c.record().scenario().fault().orElseThrow()))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String where(FaultPlan plan) {
    return "r" + plan.requestIndex() + " " + plan.phase() + " " + plan.kind() + " " + plan.offset();
  }

  @Test
  void everyCutPointOfTheBuiltInWorkloadHoldsOnTheReferenceSystem() throws IOException {
    EnumerationResult result = enumerate(JavaTarget.NAME, Mutant.NONE, "enumerate");

    assertThat(result.faultFree().passed()).as("the workload without a fault").isTrue();
    assertThat(result.violations()).as("violations, printed above (seed %d)", seed).isZero();
    assertThat(result.untested()).as("cut points whose fault did not fire").isEmpty();
    assertThat(result.errors()).as("cut points the harness could not run").isEmpty();
  }

  /**
   * The mutant runs whatever complete parts arrived as if the terminal {@code e} had come, when the
   * input ends cleanly: after a close, or after a black hole, whose removal closes the link once
   * it has swallowed bytes; never after a reset, which is an error and no end of input. So: a
   * body-less request at exactly k = n−1, one with a body at every k from the end of its arguments
   * part to n−1; under CLOSE and BLACKHOLE; nowhere else.
   */
  @Test
  void aServerThatRunsAMessageMissingItsEndIsCaughtWhereItsArgumentsAreWholeAndItsEndIsNot() throws IOException {
    EnumerationResult result = enumerate(JavaTarget.NAME, Mutant.SERVER_EXECUTES_PARTIAL,
        "enumerate-server-executes-partial");

    Set<String> expected = new TreeSet<>();
    for (var request : result.requests()) {
      long n = request.encodedLength();
      long argumentsEnd = n - 1 - Requests.chunks(request.body()).stream().mapToLong(c -> 5 + c.length()).sum();
      // inside a large body only the stride's offsets are cut
      result.cases().stream().map(c -> c.record().scenario().fault().orElseThrow())
          .filter(f -> f.requestIndex() == request.index() && f.phase() == Phase.WRITE
              && ENDS_INPUT.contains(f.kind()) && f.offset() >= argumentsEnd)
          .forEach(f -> expected.add(where(f)));
      // at n-1, after each kind that ends the input and that the proxy could cut there
      result.cases().stream().map(c -> c.record().scenario().fault().orElseThrow())
          .filter(f -> f.requestIndex() == request.index() && f.phase() == Phase.FLUSH
              && ENDS_INPUT.contains(f.kind()) && f.offset() == n - 1)
          .forEach(f -> expected.add(where(f)));
    }
    assertThat(cutsBreaking(result, Invariant.I1)).isEqualTo(expected);
    assertThat(result.cases()).filteredOn(CaseResult::violated)
        .extracting(c -> where(c.record().scenario().fault().orElseThrow()))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void brzServeRunsABodyLessRequestAtExactlyNMinusOneAndNothingNewIsFound() throws IOException {
    List<String> targets = asked.targets();
    boolean asks = asked.allTargets() || targets.contains(BreezyTargets.SERVER);
    if (!asks || Targets.unavailable(BreezyTargets.SERVER).isPresent()) {
      out.println("enumerate: breezy-server not run: " + (asks ? Targets.unavailable(BreezyTargets.SERVER).get()
          : "not among " + RunSettings.TARGETS));
      return;
    }
    // the body-less requests of the built-in workload: the finding is theirs, and brz serve's
    // cases cost ten times the java target's, so the large body's cut points stay with the CLI
    EnumerationWorkload builtIn = EnumerationWorkload.builtIn();
    EnumerationWorkload bodyLess = new EnumerationWorkload(builtIn.source() + ", body-less requests",
        builtIn.initialState(), builtIn.requests().stream().filter(r -> r.bodyKind() == BodyKind.NONE).toList());
    EnumerationResult result = enumerate(bodyLess, BreezyTargets.SERVER, Mutant.NONE, "enumerate-breezy-server");

    assertThat(result.newViolations()).as("violations no reviewed finding covers, printed above").isZero();
    assertThat(result.errors()).as("cut points the harness could not run").isEmpty();
    // brz serve runs a body-less request on its arguments (expected-findings.json): the
    // reviewed finding shows where it changes the tree, at k = n-1 and nowhere else; the cuts
    // where its answer beat the close are not counted by the oracle (the reply counts as delivered)
    Set<String> bodyLessChanges = new TreeSet<>();
    result.requests().stream()
        .filter(r -> r.body().size() == 0 && Set.of("semi", "semivfs").contains(r.verbClass().breezyName()))
        .forEach(r -> EnumSet.of(FaultKind.CLOSE, FaultKind.RESET, FaultKind.BLACKHOLE).forEach(kind ->
            bodyLessChanges.add("r" + r.index() + " FLUSH " + kind + " " + (r.encodedLength() - 1))));
    Set<String> found = cutsBreaking(result, Invariant.I1);
    out.println("brz serve ran an incomplete message at: " + found + " (body-less semi/semivfs at n-1: "
        + bodyLessChanges + ")");
    assertThat(found).isNotEmpty().isSubsetOf(bodyLessChanges);
  }
}
