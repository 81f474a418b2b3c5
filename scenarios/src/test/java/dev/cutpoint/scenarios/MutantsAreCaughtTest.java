package dev.cutpoint.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.check.Invariant;
import dev.cutpoint.drive.CaseResult;
import dev.cutpoint.drive.FaultMatrix;
import dev.cutpoint.drive.MatrixListener;
import dev.cutpoint.drive.MatrixResult;
import dev.cutpoint.drive.MatrixSettings;
import dev.cutpoint.drive.Mutant;
import dev.cutpoint.history.Request;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness's own teeth (SPEC §8): each deliberately wrong client or server, run through the whole
 * fault matrix on the java target with the default budget of {@code mvn verify}, is caught by the
 * invariant it breaks, and the matrix shrinks a counterexample down to at most two requests. The
 * same run on the correct system passes ({@code FaultMatrixIT}).
 */
class MutantsAreCaughtTest {

  @TempDir
  Path reports;

  @Test
  void resendAllIsCaughtByAtMostOnceI2() throws IOException {
    caught(Mutant.RESEND_ALL, Invariant.I2);
  }

  @Test
  void resendNoneIsCaughtBySafeRetryI3() throws IOException {
    caught(Mutant.RESEND_NONE, Invariant.I3);
  }

  @Test
  void resendStartedStreamIsCaughtByLoudFailureI4() throws IOException {
    caught(Mutant.RESEND_STARTED_STREAM, Invariant.I4);
  }

  @Test
  void resendForeverIsCaughtByOneResendI5() throws IOException {
    caught(Mutant.RESEND_FOREVER, Invariant.I5);
  }

  @Test
  void noTimeoutIsCaughtByLivenessI6() throws IOException {
    caught(Mutant.NO_TIMEOUT, Invariant.I6);
  }

  @Test
  void serverExecutesPartialIsCaughtByNoPartialExecutionI1() throws IOException {
    caught(Mutant.SERVER_EXECUTES_PARTIAL, Invariant.I1);
  }

  /**
   * Runs the matrix with {@code mutant} at the default budget and finds, among the cases that break
   * {@code expected}, one of at most two requests: one the minimizer shrank, or one drawn that small.
   */
  private void caught(Mutant mutant, Invariant expected) throws IOException {
    long seed = RunSettings.system().seed().orElseGet(() -> new SecureRandom().nextLong());
    MatrixSettings settings = MatrixSettings.of(seed)
        .withTries(RunSettings.DEFAULT_TRIES)
        .withMutant(mutant)
        .withToxiproxy(RunSettings.system().toxiproxy())
        .withOut(reports)
        // catching is the claim here, and replays of no-timeout's I6 cases would each wait out the
        // liveness bound: FaultMatrixTest shows a mutant's violations replayed
        .withConfirm(0);
    MatrixResult result = FaultMatrix.run(settings, MatrixListener.NONE);
    List<CaseResult> cases = result.targets().get(0).cases();
    String run = mutant.label() + " with " + settings.tries() + " tries per cell, seed " + seed
        + " (re-run with -D" + RunSettings.SEED + "=" + seed + "): " + result.summaryLine()
        + "; invariants broken " + brokenCounts(cases);

    assertThat(cases).as("--confirm 0 replays nothing").allSatisfy(c -> assertThat(c.confirmation()).isEmpty());
    List<CaseResult> caught = cases.stream().filter(c -> !c.verdict().of(expected).isEmpty()).toList();
    assertThat(caught).as("%s is caught by %s: %s", mutant.label(), expected, run).isNotEmpty();
    CaseResult smallest = caught.stream()
        .min(Comparator.comparingInt((CaseResult c) -> c.record().scenario().requests().size())
            .thenComparing(c -> c.minimizedFrom().isEmpty()))
        .orElseThrow();
    assertThat(smallest.record().scenario().requests())
        .as("the smallest counterexample of %s for %s: %s", expected, mutant.label(), run)
        .hasSizeLessThanOrEqualTo(2);
    System.out.println(run);
    System.out.println("  counterexample " + smallest.id()
        + smallest.minimizedFrom().map(from -> " (shrunk from " + from + ")").orElse("") + ": "
        + smallest.record().scenario().requests().stream().map(MutantsAreCaughtTest::describe)
            .collect(Collectors.joining(", "))
        + "; fault " + smallest.record().scenario().fault().orElseThrow()
        + "; " + smallest.verdict().of(expected).get(0).evidence());
  }

  private static Map<Invariant, Long> brokenCounts(List<CaseResult> cases) {
    return cases.stream()
        .flatMap(c -> c.verdict().violations().stream().map(v -> v.invariant()).distinct())
        .collect(Collectors.groupingBy(i -> i, TreeMap::new, Collectors.counting()));
  }

  private static String describe(Request request) {
    return request.verb() + " [" + request.verbClass().breezyName() + "]";
  }
}
