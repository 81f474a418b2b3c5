package dev.cutpoint.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.drive.breezy.BreezyCopy;
import dev.cutpoint.drive.breezy.BreezyInstallation;
import dev.cutpoint.drive.breezy.BreezyRegistry;
import dev.cutpoint.drive.breezy.InstalledBreezy;
import dev.cutpoint.verbs.BreezyVerbTable;
import dev.cutpoint.verbs.Verb;
import dev.cutpoint.verbs.VerbClass;
import dev.cutpoint.verbs.VerbComparison;
import dev.cutpoint.verbs.VerbComparison.Agreement;
import dev.cutpoint.verbs.Verbs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry's classes are Breezy's: every verb the harness generates and Breezy has carries the
 * class {@code info=} gives it in the installed Breezy's {@code request_handlers} (what {@code
 * cutpoint verbs} prints). A difference fails the build.
 */
class BreezyRegistryTest {

  @Test
  void everyVerbTheHarnessGeneratesIsClassedAsTheInstalledBreezyClassesIt() {
    BreezyVerbTable breezy = BreezyRegistry.of(InstalledBreezy.require());

    List<VerbComparison> rows = breezy.compareWith(Verbs.ALL);

    assertThat(rows).filteredOn(r -> r.agreement() == Agreement.DIFFERENT).isEmpty();
    assertThat(rows).filteredOn(r -> r.agreement() == Agreement.SAME).extracting(VerbComparison::verb)
        .containsExactlyInAnyOrderElementsOf(Verbs.ALL.stream().filter(Verb::onBreezy).map(Verb::name).toList());
    assertThat(rows).filteredOn(r -> r.agreement() == Agreement.HARNESS_ONLY).extracting(VerbComparison::verb)
        .containsExactly("insert_stream");
    assertThat(breezy.classOf("Repository.insert_stream_1.19")).contains(VerbClass.STREAM);
    assertThat(breezy.classOf("Branch.set_last_revision_info")).contains(VerbClass.IDEM);
  }

  /** The comparison can fail: a Breezy whose request.py makes mkdir idempotent differs from the harness. */
  @Test
  void aBreezyThatClassesAVerbOtherwiseIsADifference(@TempDir Path dir) throws IOException {
    InstalledBreezy.require();
    Path copy = BreezyCopy.of(dir);
    BreezyCopy.patch(copy, "bzr/smart/request.py", "'MkdirRequest', info='semivfs')", "'MkdirRequest', info='idem')");

    List<VerbComparison> rows = BreezyRegistry.of(BreezyInstallation.at(copy)).compareWith(Verbs.ALL);

    assertThat(rows).filteredOn(r -> r.agreement() == Agreement.DIFFERENT)
        .singleElement()
        .satisfies(r -> {
          assertThat(r.verb()).isEqualTo("mkdir");
          assertThat(r.breezy()).contains(VerbClass.IDEM);
          assertThat(r.harness()).contains(VerbClass.SEMIVFS);
        });
  }
}
