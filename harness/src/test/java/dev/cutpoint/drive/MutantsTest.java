package dev.cutpoint.drive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.check.Invariant;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.Phase;
import dev.cutpoint.verbs.VerbClass;
import java.util.EnumSet;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

/**
 * Each mutant of SPEC §8 is caught by the invariant it breaks, in the cell where it shows, within a
 * few cases, and its counterexample shrinks to at most two requests.
 */
class MutantsTest {

  private static void caught(Mutant mutant, MatrixCell cell, boolean persistent, double fraction, Invariant expected)
      throws Exception {
    try (Target target = JavaTarget.start(TargetSettings.defaults().withMutant(mutant))) {
      Arbitrary<CaseSpec> cases = Workload.cases(cell, EnumSet.allOf(VerbClass.class), target.betweenDeliveries(), persistent);
      for (long seed = 0; seed < 8; seed++) {
        CaseSpec drawn = Workload.sample(cases, seed, mutant.label() + "-" + seed);
        CaseSpec spec = new CaseSpec(drawn.id(), drawn.seed(), cell, drawn.requests(), drawn.faultIndex(),
            fraction, drawn.betweenDelivery(), persistent);
        CaseResult result = CaseRunner.run(target, spec);
        if (result.verdict().of(expected).isEmpty()) {
          continue;
        }
        assertThat(result.tested()).isTrue();
        CaseResult minimal = Minimizer.minimize(target, spec, result);
        assertThat(minimal.verdict().of(expected)).isNotEmpty();
        assertThat(minimal.record().scenario().requests()).hasSizeLessThanOrEqualTo(2);
        return;
      }
      throw new AssertionError(mutant.label() + " was not caught by " + expected + " in " + cell.id());
    }
  }

  @Test
  void resendAllRunsAMutatingCallTwice() throws Exception {
    caught(Mutant.RESEND_ALL, new MatrixCell(VerbClass.MUTATE, Phase.READ, FaultKind.CLOSE), false, 0.5, Invariant.I2);
  }

  @Test
  void resendNoneLosesAReadThatWasSafeToResend() throws Exception {
    caught(Mutant.RESEND_NONE, new MatrixCell(VerbClass.READ, Phase.READ, FaultKind.CLOSE), false, 0.5, Invariant.I3);
  }

  @Test
  void resendStartedStreamResendsSilently() throws Exception {
    caught(Mutant.RESEND_STARTED_STREAM, new MatrixCell(VerbClass.STREAM, Phase.READ, FaultKind.CLOSE), false, 0.5,
        Invariant.I4);
  }

  @Test
  void resendForeverKeepsResendingWhileTheServerStaysAway() throws Exception {
    caught(Mutant.RESEND_FOREVER, new MatrixCell(VerbClass.READ, Phase.READ, FaultKind.CLOSE), true, 0.5, Invariant.I5);
  }

  @Test
  void noTimeoutHangsOnABlackHole() throws Exception {
    caught(Mutant.NO_TIMEOUT, new MatrixCell(VerbClass.READ, Phase.READ, FaultKind.BLACKHOLE), false, 0, Invariant.I6);
  }

  @Test
  void serverExecutesPartialRunsAMessageWithoutItsEnd() throws Exception {
    caught(Mutant.SERVER_EXECUTES_PARTIAL, new MatrixCell(VerbClass.SEMIVFS, Phase.FLUSH, FaultKind.CLOSE), false,
        0.2, Invariant.I1);
  }

  @Test
  void mutantsAreNamedAsOnTheCommandLine() {
    assertThat(Mutant.byLabel("resend-forever")).isEqualTo(Mutant.RESEND_FOREVER);
    assertThat(Mutant.labels()).contains("none", "resend-all", "resend-none", "resend-started-stream",
        "resend-forever", "no-timeout", "server-executes-partial");
    assertThat(Optional.of(Mutant.NO_TIMEOUT.clientOptions(dev.cutpoint.client.ClientOptions.defaults()).timeout()))
        .get().satisfies(t -> assertThat(t).isEmpty());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Mutant.byLabel("resend-some"))
        .hasMessageContaining("accepted: none, resend-all");
  }
}
