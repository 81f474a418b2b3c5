package dev.cutpoint.drive.breezy;

import static dev.cutpoint.drive.breezy.Slice.broken;
import static dev.cutpoint.drive.breezy.Slice.describe;
import static dev.cutpoint.drive.breezy.Slice.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.check.Invariant;
import dev.cutpoint.drive.CaseResult;
import dev.cutpoint.drive.MatrixReports;
import dev.cutpoint.drive.MatrixResult;
import dev.cutpoint.drive.RequestDraft;
import dev.cutpoint.drive.Target;
import dev.cutpoint.drive.TargetSettings;
import dev.cutpoint.history.Call;
import dev.cutpoint.history.Delivery;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.OutcomeKind;
import dev.cutpoint.history.Phase;
import dev.cutpoint.report.Finding;
import dev.cutpoint.report.MatrixReport;
import dev.cutpoint.verbs.VerbClass;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The {@code breezy} target: Breezy's client against {@code brz serve}, both real, through the
 * proxy. A slice of its matrix, then the slice's verdict and report: the reviewed findings are
 * marked expected, and a violation no finding covers is new and fails the run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BreezyTargetTest {

  private static Target target;
  private static Slice slice;

  @BeforeAll
  static void start() throws Exception {
    InstalledBreezy.require();
    target = BreezyTargets.start(BreezyTargets.BOTH, TargetSettings.defaults());
    slice = new Slice(target);
  }

  @AfterAll
  static void stop() {
    if (target != null) {
      target.close();
    }
  }

  /** Bug 819604, fixed: the server restarts between two requests, Breezy resends the read. */
  @Test
  @Order(1)
  void aReadAfterBrzServeRestartedIsResentAndSucceeds() throws Exception {
    CaseResult get = slice.run(spec("b-get", Phase.BETWEEN, FaultKind.CLOSE, 0, Delivery.SERVER_RESTART,
        RequestDraft.plain("hello", VerbClass.READ),
        RequestDraft.plain("get", VerbClass.READ, "f0")));

    Call call = get.record().calls().get(1);
    assertThat(call.attempts()).hasSize(2);
    assertThat(call.outcome().kind()).isEqualTo(OutcomeKind.SUCCESS);
    assertThat(get.violated()).as(describe(get)).isFalse();
  }

  /**
   * Finding: brz serve runs the lock on its arguments. Breezy resends, and the resend and the run of
   * the cut message race on two server threads: when the cut one wins, the resend meets its lock
   * (LockContention, and I1 seen in the state); when the resend wins, the cut one fails unseen.
   */
  @Test
  @Order(2)
  void aLockWriteMissingOnlyItsTerminalByteRunsAndItsResendMeetsTheLock() throws Exception {
    CaseResult lock = slice.run(spec("b-lock", Phase.FLUSH, FaultKind.CLOSE, 0.1, Delivery.PROXY_TOGGLE,
        RequestDraft.plain("Branch.lock_write", VerbClass.SEMI, "b0", "", "")));

    Call call = lock.record().calls().get(0);
    assertThat(lock.record().finalState().locks()).get().satisfies(l -> assertThat(l).hasSize(1));
    if (call.attempts().size() == 1) {
      // brz serve's answer beat the close: the same finding, seen from the client
      assertThat(lock.record().injection().evidence()).as(describe(lock)).contains("the server answered the first");
    } else if (call.outcome().reply().flatMap(r -> r.errorName()).isPresent()) {
      assertThat(call.outcome().reply().flatMap(r -> r.errorName())).contains("LockContention");
      assertThat(broken(lock)).as(describe(lock)).contains(Invariant.I1);
    } else {
      String token = call.outcome().reply().orElseThrow().args().get(1);
      assertThat(lock.record().finalState().locks().orElseThrow().get(0).token()).isEqualTo(token);
      assertThat(lock.violated()).as(describe(lock)).isFalse();
    }
  }

  /** Finding: no socket timeout of Breezy's own, no resend after the driver's, a wedged medium. */
  @Test
  @Order(3)
  void aBlackHoledGetTimesOutIsNotResentAndWedgesTheMedium() throws Exception {
    CaseResult hole = slice.run(spec("b-hole", Phase.READ, FaultKind.BLACKHOLE, 0, Delivery.PROXY_TOGGLE,
        RequestDraft.plain("get", VerbClass.READ, "f0")));

    assertThat(hole.record().calls().get(0).outcome().error()).get()
        .satisfies(e -> assertThat(e.type()).isEqualTo("TimeoutError"));
    assertThat(broken(hole)).as(describe(hole)).containsExactlyInAnyOrder(Invariant.I3, Invariant.I6);
  }

  @Test
  @Order(4)
  void theSlicesReportMarksTheReviewedFindingsExpectedAndAnyOtherNew() {
    MatrixResult reviewed = slice.result(ExpectedFindings.reviewed());
    MatrixReport report = MatrixReports.toReport(reviewed);

    assertThat(reviewed.passed()).as(reviewed.summaryLine()).isTrue();
    assertThat(report.findings()).isNotEmpty()
        .allSatisfy(f -> assertThat(f.expectedBy()).isPresent());
    assertThat(report.findings()).extracting(f -> f.expectedBy().orElseThrow().id())
        .anyMatch(id -> id.startsWith("breezy-no-timeout-and-no-resend-after-one/breezy/"));
    assertThat(report.run().versions().breezy()).contains(BreezyInstallation.system().version());
    assertThat(report.run().versions().breezyPath()).contains(BreezyCopy.INSTALLED.toString());

    // without the finding that explains the black hole, its violations are new and fail the run
    ExpectedFindings withoutTimeouts = ExpectedFindings.of(ExpectedFindings.reviewed().findings().stream()
        .filter(f -> !f.id().equals("breezy-no-timeout-and-no-resend-after-one"))
        .toList());
    MatrixResult partly = slice.result(withoutTimeouts);
    List<Finding> fresh = MatrixReports.toReport(partly).newFindings();
    assertThat(partly.passed()).isFalse();
    assertThat(partly.newViolations()).isOne();
    assertThat(fresh).isNotEmpty().allSatisfy(f -> assertThat(f.caseRecord().id()).isEqualTo("b-hole"));
  }
}
