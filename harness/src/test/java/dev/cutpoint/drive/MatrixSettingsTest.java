package dev.cutpoint.drive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutpoint.drive.breezy.BreezyInstallation;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixSettingsTest {

  private static Properties properties(String... pairs) {
    Properties properties = new Properties();
    for (int i = 0; i < pairs.length; i += 2) {
      properties.setProperty(pairs[i], pairs[i + 1]);
    }
    return properties;
  }

  @Test
  void mavensPropertiesBecomeTheRunsSettings() {
    MatrixSettings settings = MatrixSettings.fromSystemProperties(properties(
        "cutpoint.targets", "all", "cutpoint.tries", "20", "cutpoint.seed", "42",
        "cutpoint.toxiproxy", "embedded", "cutpoint.baseline", "", "cutpoint.root", "/repo"));
    assertThat(settings.targets()).containsExactly("java", "breezy-server", "breezy-client", "breezy");
    assertThat(settings.tries()).isEqualTo(20);
    assertThat(settings.seed()).isEqualTo(42);
    assertThat(settings.toxiproxy()).hasValue("embedded");
    assertThat(settings.baseline()).isEmpty();
    assertThat(settings.out()).isEqualTo(Path.of("/repo/reports/target/fault-matrix"));
    assertThat(MatrixSettings.fromSystemProperties(properties()).toxiproxy()).isEqualTo(Optional.empty());
    assertThat(settings.confirm()).isEqualTo(MatrixSettings.DEFAULT_CONFIRM).isEqualTo(3);
    assertThat(MatrixSettings.fromSystemProperties(properties("cutpoint.confirm", "0")).confirm()).isZero();
  }

  @Test
  void eachTargetGetsTheWorkersItsCasesCanUseUnlessToldOtherwise() {
    int cores = Runtime.getRuntime().availableProcessors();
    MatrixSettings all = MatrixSettings.fromSystemProperties(properties("cutpoint.targets", "all"));
    assertThat(all.workers()).as("Maven leaves it to the rule").isEmpty();
    assertThat(all.workers("java")).isEqualTo(Math.min(8, 4 * cores));
    for (String breezy : List.of("breezy-server", "breezy-client", "breezy")) {
      assertThat(all.workers(breezy)).as(breezy).isEqualTo(cores);
    }
    assertThat(all.workersLine()).isEqualTo("java " + Math.min(8, 4 * cores) + ", breezy-server " + cores
        + ", breezy-client " + cores + ", breezy " + cores);
    MatrixSettings three = all.withWorkers(3);
    assertThat(all.targets()).allSatisfy(t -> assertThat(three.workers(t)).as(t).isEqualTo(3));
  }

  @Test
  void badValuesNameThePropertyAndTheAcceptedValues() {
    assertThatThrownBy(() -> MatrixSettings.fromSystemProperties(properties("cutpoint.targets", "java,brz")))
        .hasMessage("cutpoint.targets: unknown target 'brz'; accepted: java, breezy-server, breezy-client, breezy, server-command, client-command, all");
    assertThatThrownBy(() -> MatrixSettings.fromSystemProperties(properties("cutpoint.tries", "0")))
        .hasMessageStartingWith("cutpoint.tries: 0 is not a whole number of at least 1");
    assertThatThrownBy(() -> MatrixSettings.fromSystemProperties(properties("cutpoint.seed", "x1")))
        .hasMessageStartingWith("cutpoint.seed: 'x1'");
    for (String bad : List.of("-1", "101", "3x")) {
      assertThatThrownBy(() -> MatrixSettings.fromSystemProperties(properties("cutpoint.confirm", bad)))
          .hasMessage("cutpoint.confirm: '" + bad + "' is not a whole number from 0 to 100 (replays of each new"
              + " violation; 0 for none)");
    }
  }

  @Test
  void aServerCommandRunsTheServerCommandTargetAndIsChecked() {
    String brzServe = "brz serve --listen={host} --port={port} --directory={dir} --allow-writes";
    MatrixSettings own = MatrixSettings.fromSystemProperties(properties("cutpoint.server.command", brzServe));
    assertThat(own.targets()).containsExactly("server-command");
    assertThat(own.targetSettings().serverCommand()).get().satisfies(c -> assertThat(c.template()).isEqualTo(brzServe));
    assertThat(MatrixSettings.fromSystemProperties(properties("cutpoint.targets", "all")).targets())
        .as("all is the built-in pairings").containsExactly("java", "breezy-server", "breezy-client", "breezy");
    assertThatThrownBy(() -> MatrixSettings.fromSystemProperties(properties("cutpoint.server.command", "brz serve")))
        .hasMessageStartingWith("cutpoint.server.command: the server command must contain {port}");
    assertThatThrownBy(() -> MatrixSettings.fromSystemProperties(properties("cutpoint.targets", "server-command")))
        .hasMessageStartingWith("cutpoint.targets: target server-command needs a server command");
  }

  /** cutpoint.breezy reaches every target; a directory without breezy stops the run in one line. */
  @Test
  void aChosenBreezyReachesTheTargetsAndABadOneIsRefused(@TempDir Path dir) throws Exception {
    assertThat(MatrixSettings.fromSystemProperties(properties()).targetSettings().breezy())
        .isEqualTo(BreezyInstallation.system());
    BreezyInstallation chosen = BreezyInstallation.at(dir);
    assertThat(MatrixSettings.of(1).withBreezy(chosen).withTries(2).targetSettings().breezy()).isEqualTo(chosen);

    assertThatThrownBy(() -> MatrixSettings.fromSystemProperties(properties("cutpoint.breezy", dir.toString())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cutpoint.breezy: " + dir + ": holds no breezy package");
  }
}
