package dev.cutpoint.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutpoint.drive.Targets;
import dev.cutpoint.drive.breezy.BreezyInstallation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code cutpoint.*} properties: defaults, accepted values, and a one-line error for each bad one. */
class RunSettingsTest {

  @TempDir
  Path root;

  private RunSettings with(String... keysAndValues) {
    Map<String, String> properties = new HashMap<>();
    properties.put(RunSettings.ROOT, root.toString());
    for (int i = 0; i < keysAndValues.length; i += 2) {
      properties.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return new RunSettings(properties::get, name -> null);
  }

  @Test
  void blankValuesMeanTheDefaultsOfMvnVerify() {
    RunSettings settings = with("cutpoint.tries", "", "cutpoint.seed", " ", "cutpoint.targets", "",
        "cutpoint.toxiproxy", "", "cutpoint.baseline", "", "cutpoint.confirm", "");
    assertThat(settings.tries()).isEqualTo(2);
    assertThat(settings.breezyTries()).isEqualTo(2);
    assertThat(settings.seed()).isEmpty();
    assertThat(settings.targets()).containsExactly("java");
    assertThat(settings.allTargets()).isFalse();
    assertThat(settings.toxiproxy()).isEmpty();
    assertThat(settings.baseline()).isEmpty();
    assertThat(settings.root()).isEqualTo(root);
    assertThat(settings.confirm()).as("the CLI's --confirm default").isEqualTo(3);
  }

  @Test
  void givenValuesAreRead() throws Exception {
    Path old = root.resolve("old.json");
    dev.cutpoint.report.MatrixJson.write(dev.cutpoint.report.MatrixReport.tally(
        new dev.cutpoint.report.Run(1, 1, List.of("java"), List.of(), new dev.cutpoint.report.ProxyProvider("embedded", "1"),
            new dev.cutpoint.report.Versions("17", "0.1.0", Optional.empty()), java.time.Instant.EPOCH,
            java.time.Duration.ZERO, Map.of()),
        new dev.cutpoint.report.Axes(List.of("read"), List.of("WRITE"), List.of("CLOSE")), Map.of(), List.of(), List.of()),
        old);
    RunSettings settings = with("cutpoint.tries", "60", "cutpoint.seed", "-42", "cutpoint.targets", "java, all",
        "cutpoint.toxiproxy", "http://127.0.0.1:8474", "cutpoint.baseline", "old.json");
    assertThat(settings.tries()).isEqualTo(60);
    assertThat(settings.breezyTries()).as("the Breezy targets' default share").isEqualTo(5);
    assertThat(with("cutpoint.tries", "60", "cutpoint.breezy.tries", "12").breezyTries()).isEqualTo(12);
    assertThat(settings.seed()).contains(-42L);
    assertThat(settings.targets()).as("java, then every other built-in target once").containsExactlyElementsOf(Targets.BUILT_IN);
    assertThat(settings.allTargets()).isTrue();
    assertThat(with("cutpoint.targets", "breezy,java,breezy").targets()).containsExactly("breezy", "java");
    assertThat(settings.toxiproxy()).contains("http://127.0.0.1:8474");
    assertThat(settings.baseline()).contains(old);
    assertThat(with("cutpoint.confirm", "0").confirm()).as("no replays").isZero();
    assertThat(with("cutpoint.confirm", " 10 ").confirm()).isEqualTo(10);
  }

  /** cutpoint.breezy: blank for the system's Breezy; a directory without a breezy package is one line. */
  @Test
  void aBreezyDirectoryWithoutBreezyStopsTheRunInOneLine() throws Exception {
    assertThat(with("cutpoint.breezy", "").breezy()).isEqualTo(BreezyInstallation.system());
    Files.createDirectories(root.resolve("empty"));

    assertThatThrownBy(() -> with("cutpoint.breezy", "empty").breezy())
        .isInstanceOf(BadRunSetting.class)
        .hasMessageStartingWith("cutpoint.breezy: " + root.resolve("empty") + ": holds no breezy package")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void toxiproxyUrlFromTheEnvironmentIsCheckedToo() {
    RunSettings settings = new RunSettings(name -> null, name -> name.equals("TOXIPROXY_URL") ? "ftp://x" : null);
    assertThatThrownBy(settings::toxiproxy)
        .isInstanceOf(BadRunSetting.class)
        .hasMessageStartingWith("TOXIPROXY_URL: 'ftp://x'");
  }

  @Test
  void eachBadValueIsOneLineNamingThePropertyAndWhatIsAccepted() throws Exception {
    Files.writeString(root.resolve("damaged.json"), "{}");
    List<Map.Entry<String, String>> bad = List.of(
        Map.entry("cutpoint.tries", "0"),
        Map.entry("cutpoint.tries", "many"),
        Map.entry("cutpoint.breezy.tries", "-3"),
        Map.entry("cutpoint.seed", "0x1f"),
        Map.entry("cutpoint.targets", "java,brz"),
        Map.entry("cutpoint.targets", ""),
        Map.entry("cutpoint.toxiproxy", "docker"),
        Map.entry("cutpoint.baseline", "missing.json"),
        Map.entry("cutpoint.baseline", "damaged.json"),
        Map.entry("cutpoint.failOn", "some"),
        Map.entry("cutpoint.confirm", "-1"),
        Map.entry("cutpoint.confirm", "101"),
        Map.entry("cutpoint.confirm", "three"));
    for (Map.Entry<String, String> entry : bad) {
      RunSettings settings = with(entry.getKey(), entry.getValue());
      Optional<BadRunSetting> error = failure(settings, entry.getKey());
      if (entry.getKey().equals("cutpoint.targets") && entry.getValue().isEmpty()) {
        assertThat(error).as("a blank list is the default").isEmpty();
        continue;
      }
      assertThat(error).as("%s=%s", entry.getKey(), entry.getValue()).get().satisfies(e -> {
        assertThat(e.property()).isEqualTo(entry.getKey());
        assertThat(e.getMessage()).startsWith(entry.getKey() + ": ").contains("accepted").doesNotContain("\n");
        assertThat(e.getStackTrace()).as("the message is the whole story").isEmpty();
      });
    }
  }

  private static Optional<BadRunSetting> failure(RunSettings settings, String property) {
    try {
      switch (property) {
        case "cutpoint.tries" -> settings.tries();
        case "cutpoint.breezy.tries" -> settings.breezyTries();
        case "cutpoint.seed" -> settings.seed();
        case "cutpoint.targets" -> settings.targets();
        case "cutpoint.toxiproxy" -> settings.toxiproxy();
        case "cutpoint.baseline" -> settings.baseline();
        case "cutpoint.failOn" -> settings.failOnNewOnly();
        case "cutpoint.confirm" -> settings.confirm();
        default -> throw new IllegalArgumentException(property);
      }
      return Optional.empty();
    } catch (BadRunSetting e) {
      return Optional.of(e);
    }
  }
}
