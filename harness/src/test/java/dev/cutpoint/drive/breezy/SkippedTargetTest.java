package dev.cutpoint.drive.breezy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutpoint.drive.MatrixReports;
import dev.cutpoint.drive.MatrixResult;
import dev.cutpoint.drive.MatrixSettings;
import dev.cutpoint.drive.Targets;
import dev.cutpoint.report.MatrixReport;
import dev.cutpoint.report.SkippedTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A target that cannot run here is skipped, and the run and its report say which and why. */
class SkippedTargetTest {

  @Test
  void aRunWhoseBreezyTargetWasSkippedReportsItWithTheReason() {
    SkippedTarget skipped = new SkippedTarget(BreezyTargets.BOTH,
        "Breezy is not installed: /usr/bin/brz: not an executable file (install with: apt-get install brz python3-breezy)");
    MatrixSettings settings = MatrixSettings.of(1).withTargets(List.of(BreezyTargets.BOTH));
    MatrixResult result = new MatrixResult(
        settings, List.of(), Instant.now(), Duration.ZERO, List.of(skipped), ExpectedFindings.reviewed());

    MatrixReport report = MatrixReports.toReport(result);

    assertThat(report.run().skippedTargets()).containsExactly(skipped);
    assertThat(report.run().targets()).isEmpty();
    assertThat(result.summaryLine()).isEqualTo("0 cases, 0 violating cases, 0/0 cells covered");
  }

  @Test
  void breezyIsAvailableHereAndTheJavaTargetAlwaysIs() {
    InstalledBreezy.require();
    for (String name : BreezyTargets.NAMES) {
      assertThat(Targets.unavailable(name)).as(name).isEmpty();
    }
    assertThat(Targets.unavailable("java")).isEmpty();
    assertThat(BreezyTargets.installedVersion()).isPresent();
    assertThatThrownBy(() -> Targets.unavailable("bzr")).hasMessageContaining("unknown target 'bzr'");
  }
}
