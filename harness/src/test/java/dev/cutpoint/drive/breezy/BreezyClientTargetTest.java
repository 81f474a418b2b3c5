package dev.cutpoint.drive.breezy;

import static dev.cutpoint.drive.breezy.Slice.broken;
import static dev.cutpoint.drive.breezy.Slice.describe;
import static dev.cutpoint.drive.breezy.Slice.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutpoint.check.Invariant;
import dev.cutpoint.drive.CaseResult;
import dev.cutpoint.drive.MatrixResult;
import dev.cutpoint.drive.Mutant;
import dev.cutpoint.drive.RequestDraft;
import dev.cutpoint.drive.Target;
import dev.cutpoint.drive.TargetSettings;
import dev.cutpoint.history.Call;
import dev.cutpoint.history.Delivery;
import dev.cutpoint.history.FailureSite;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.MayHaveExecuted;
import dev.cutpoint.history.OutcomeKind;
import dev.cutpoint.history.Phase;
import dev.cutpoint.history.Request;
import dev.cutpoint.verbs.VerbClass;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The {@code breezy-client} target: Breezy's own client, through the driver and the proxy,
 * against the reference server and its journal. A slice of its matrix, then the slice's verdict
 * with and without the reviewed findings.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BreezyClientTargetTest {

  private static Target target;
  private static Slice slice;

  @BeforeAll
  static void start() throws Exception {
    InstalledBreezy.require();
    target = BreezyTargets.start(BreezyTargets.CLIENT, TargetSettings.defaults());
    slice = new Slice(target);
  }

  @AfterAll
  static void stop() {
    if (target != null) {
      target.close();
    }
  }

  @Test
  @Order(1)
  void aMutantOfTheReferenceClientIsRefused() {
    assertThatThrownBy(() -> BreezyTargets.start(
            BreezyTargets.CLIENT, TargetSettings.defaults().withMutant(Mutant.RESEND_ALL)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Breezy's own client");
    assertThat(target.hasJournal()).isTrue();
    assertThat(target.supports(VerbClass.STREAM)).isTrue();
  }

  /**
   * Bug 819604 in the matrix: the server restarts between requests and Breezy resends the put. Its
   * bytes (the reference client's plus Breezy's one header) are what the planner sized and what the
   * journal found.
   */
  @Test
  @Order(2)
  void aPutAfterTheServerRestartedIsResentOnceAndRunsOnce() throws Exception {
    CaseResult put = slice.run(spec("bc-put", Phase.BETWEEN, FaultKind.CLOSE, 0, Delivery.SERVER_RESTART,
        RequestDraft.plain("hello", VerbClass.READ),
        RequestDraft.withPayload("put", VerbClass.IDEM, "t1", 200, "f1", "")));

    Call call = put.record().calls().get(1);
    assertThat(call.attempts()).hasSize(2);
    assertThat(call.attempts().get(0).decision()).get()
        .satisfies(d -> assertThat(d.reason()).isEqualTo("ConnectionReset reading response for b'put', retrying"));
    Request request = put.record().scenario().requests().get(1);
    assertThat(call.attempts().get(1).bytesWritten()).isEqualTo(request.encodedLength());
    assertThat(put.record().journal().orElseThrow().entries())
        .filteredOn(e -> e.requestHash().equals(request.hash()))
        .hasSize(1);
    assertThat(put.violated()).as(describe(put)).isFalse();
  }

  @Test
  @Order(3)
  void aBodyStreamCutOnItsWayIsNotResentAndDoesNotRun() throws Exception {
    CaseResult stream = slice.run(spec("bc-stream", Phase.WRITE, FaultKind.CLOSE, 0.6, Delivery.PROXY_TOGGLE,
        RequestDraft.stream("t0", List.of("f1", "d/f2"), List.of(200, 300))));

    Call call = stream.record().calls().get(0);
    assertThat(call.attempts()).singleElement()
        .satisfies(a -> assertThat(a.bodyStreamStarted()).isTrue());
    assertThat(call.outcome().error()).get()
        .satisfies(e -> assertThat(e.mayHaveExecuted()).isEqualTo(MayHaveExecuted.YES));
    assertThat(stream.record().journal().orElseThrow().entries())
        .extracting(e -> e.verb()).containsExactly("has");
    assertThat(stream.violated()).as(describe(stream)).isFalse();
  }

  /** The stream as Breezy sends it (one part per chunk, its header) is what the journal hashed. */
  @Test
  @Order(4)
  void aSlicedBodyStreamArrivesOnceAsTheBytesTheHarnessComputed() throws Exception {
    CaseResult sliced = slice.run(spec("bc-stream-sliced", Phase.WRITE, FaultKind.SLICE, 0, Delivery.PROXY_TOGGLE,
        RequestDraft.stream("t0", List.of("f1", "e/f2"), List.of(3000, 40))));

    Request request = sliced.record().scenario().requests().get(0);
    assertThat(sliced.record().calls().get(0).attempts()).singleElement()
        .satisfies(a -> assertThat(a.bytesWritten()).isEqualTo(request.encodedLength()));
    assertThat(sliced.record().journal().orElseThrow().entries())
        .filteredOn(e -> e.requestHash().equals(request.hash()))
        .singleElement()
        .satisfies(e -> assertThat(e.verb()).isEqualTo("insert_stream"));
    assertThat(sliced.violated()).as(describe(sliced)).isFalse();
  }

  @Test
  @Order(5)
  void aGetCutBeforeItsResponseArgumentsIsResent() throws Exception {
    CaseResult early = slice.run(spec("bc-get-early", Phase.READ, FaultKind.CLOSE, 0.0, Delivery.PROXY_TOGGLE,
        RequestDraft.plain("get", VerbClass.READ, "f0")));

    assertThat(early.record().calls().get(0).attempts()).hasSize(2);
    assertThat(early.violated()).as(describe(early)).isFalse();
  }

  /** Finding: a cut inside the body is outside Breezy's resend window, and wedges its medium. */
  @Test
  @Order(6)
  void aGetCutInsideItsBodyIsNotResentAndWedgesTheMedium() throws Exception {
    CaseResult late = slice.run(spec("bc-get-late", 0, Phase.READ, FaultKind.CLOSE, 0.95, Delivery.PROXY_TOGGLE,
        RequestDraft.plain("get", VerbClass.READ, "f0"),
        RequestDraft.plain("has", VerbClass.READ, "f0")));

    Call get = late.record().calls().get(0);
    assertThat(get.attempts()).singleElement()
        .satisfies(a -> assertThat(a.failure().orElseThrow().site()).isEqualTo(FailureSite.READ));
    assertThat(get.outcome().error()).get().satisfies(e -> assertThat(e.type()).isEqualTo("ConnectionReset"));
    assertThat(late.record().calls().get(1).outcome().error()).get()
        .satisfies(e -> assertThat(e.type()).isEqualTo("TooManyConcurrentRequests"));
    assertThat(late.record().probe().call().outcome().kind()).isEqualTo(OutcomeKind.FAILED);
    assertThat(broken(late)).as(describe(late)).contains(Invariant.I3, Invariant.I6, Invariant.I8);
  }

  @Test
  @Order(7)
  void theSlicePassesOnTheReviewedFindingsAndFailsWithoutThem() {
    MatrixResult reviewed = slice.result(ExpectedFindings.reviewed());
    MatrixResult unreviewed = slice.result(ExpectedFindings.none());

    assertThat(reviewed.violations()).isOne();
    assertThat(reviewed.passed()).as(reviewed.summaryLine()).isTrue();
    assertThat(unreviewed.passed()).isFalse();
  }
}
