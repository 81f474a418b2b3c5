package dev.cutpoint.drive.breezy;

import static dev.cutpoint.drive.breezy.Slice.broken;
import static dev.cutpoint.drive.breezy.Slice.describe;
import static dev.cutpoint.drive.breezy.Slice.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.check.Invariant;
import dev.cutpoint.drive.CaseResult;
import dev.cutpoint.drive.MatrixResult;
import dev.cutpoint.drive.RequestDraft;
import dev.cutpoint.drive.Target;
import dev.cutpoint.drive.TargetSettings;
import dev.cutpoint.history.Delivery;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.Phase;
import dev.cutpoint.verbs.VerbClass;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --breezy PATH} as the README's "Testing your Breezy patch" uses it: a copy of the installed
 * Breezy under the {@code breezy-client} target, unchanged and with a plainly wrong change to its
 * client, each cut in the response of the same three calls (a get, a mkdir, an append: one verb
 * of each resend rule). The unchanged copy breaks nothing the reviewed findings do not cover; the
 * changed one is caught as new violations of I2 (a mkdir and an append run twice).
 */
class BreezyPatchTest {

  /** Breezy's rule: only these classes are resent once the server may have run the request. */
  static final String SAFE_CLASSES = "if request_type in ('read', 'idem', 'semi'):";
  /** The wrong change: every verb is resent after a connection failure, whatever its class. */
  static final String EVERY_CLASS = "if True:  # wrong on purpose: resend every verb";

  @TempDir static Path copies;

  @BeforeAll
  static void breezyIsInstalled() {
    InstalledBreezy.require();
  }

  @Test
  void anUnchangedCopyBreaksNothingTheReviewedFindingsDoNotCover() throws IOException {
    BreezyInstallation unchanged = BreezyInstallation.at(BreezyCopy.of(copies.resolve("unchanged")));

    Slice3 ran = cutInTheirResponses(unchanged);

    assertThat(ran.cases()).allSatisfy(c -> assertThat(c.violated()).as(describe(c)).isFalse());
    assertThat(ran.matrix().passed()).as(ran.matrix().summaryLine()).isTrue();
  }

  @Test
  void aChangeThatResendsEveryVerbIsCaughtAsNewViolations() throws IOException {
    Path copy = BreezyCopy.of(copies.resolve("patched"));
    BreezyCopy.patch(copy, "bzr/smart/client.py", SAFE_CLASSES, EVERY_CLASS);
    BreezyInstallation patched = BreezyInstallation.at(copy);

    Slice3 ran = cutInTheirResponses(patched);

    CaseResult get = ran.cases().get(0);
    assertThat(get.violated()).as("a read is resent either way: " + describe(get)).isFalse();
    for (CaseResult wrong : ran.cases().subList(1, 3)) {
      assertThat(wrong.record().calls().get(0).attempts()).as(describe(wrong)).hasSize(2);
      assertThat(broken(wrong)).as(describe(wrong)).contains(Invariant.I2);
    }
    assertThat(ran.matrix().newViolations()).as(ran.matrix().summaryLine()).isEqualTo(2);
    assertThat(ran.matrix().passed()).isFalse();
  }

  /** The slice's cases, in order (get, mkdir, append), and the slice judged as a matrix run. */
  private record Slice3(List<CaseResult> cases, MatrixResult matrix) {}

  /**
   * A get, a mkdir and an append, each cut before the first byte of its response (inside Breezy's
   * resend window: the server has run it), on a {@code breezy-client} target running {@code breezy},
   * judged with the reviewed findings.
   */
  private static Slice3 cutInTheirResponses(BreezyInstallation breezy) throws IOException {
    assertThat(BreezyTargets.module(breezy)).get()
        .satisfies(m -> assertThat(m.location()).isEqualTo(breezy.breezyPath().orElseThrow().resolve("breezy")));
    try (Target target = BreezyTargets.start(BreezyTargets.CLIENT, TargetSettings.defaults().withBreezy(breezy))) {
      Slice slice = new Slice(target);
      List<CaseResult> cases = List.of(
          slice.run(spec("patch-get", Phase.READ, FaultKind.CLOSE, 0.0, Delivery.PROXY_TOGGLE,
              RequestDraft.plain("get", VerbClass.READ, "f0"))),
          slice.run(spec("patch-mkdir", Phase.READ, FaultKind.CLOSE, 0.0, Delivery.PROXY_TOGGLE,
              RequestDraft.plain("mkdir", VerbClass.SEMIVFS, "d9", ""))),
          slice.run(spec("patch-append", Phase.READ, FaultKind.CLOSE, 0.0, Delivery.PROXY_TOGGLE,
              RequestDraft.withPayload("append", VerbClass.MUTATE, "t0", 300, "f0", ""))));
      return new Slice3(cases, slice.result(ExpectedFindings.reviewed()));
    }
  }
}
