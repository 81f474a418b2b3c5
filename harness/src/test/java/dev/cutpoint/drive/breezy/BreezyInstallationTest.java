package dev.cutpoint.drive.breezy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where Breezy comes from: the system's, or the {@code breezy} package in a directory of the user's
 * choosing ({@code --breezy PATH}), which every Breezy process imports and which the probe checks
 * before anything runs.
 */
class BreezyInstallationTest {

  @TempDir static Path dir;
  private static Path copy;

  @BeforeAll
  static void copyTheInstalledBreezy() throws IOException {
    InstalledBreezy.require();
    copy = BreezyCopy.of(dir.resolve("copy"));
  }

  @Test
  void theSystemsBreezyIsDebiansPackage() {
    BreezyModule module = BreezyInstallation.system().probe();

    assertThat(module.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(module.location()).isEqualTo(BreezyCopy.INSTALLED);
    assertThat(BreezyInstallation.system().breezyPath()).isEmpty();
    assertThat(BreezyInstallation.system().brzCommand("serve")).containsExactly("/usr/bin/brz", "serve");
  }

  @Test
  void aCopyIsImportedFromItsDirectory() {
    BreezyInstallation chosen = BreezyInstallation.at(copy);

    BreezyModule module = chosen.probe();

    assertThat(module.location()).isEqualTo(copy.resolve("breezy"));
    assertThat(module.version()).isEqualTo(BreezyInstallation.system().version());
    assertThat(module.describe()).isEqualTo(module.version() + " (" + copy.resolve("breezy") + ")");
  }

  /** {@code brz version} names the package it runs: the copy's, through the chosen Python's -I. */
  @Test
  void brzRunsTheCopy() throws Exception {
    BreezyInstallation chosen = BreezyInstallation.at(copy);
    try (BreezyHome home = BreezyHome.create("cutpoint-installation-test-")) {
      Process brz = home.applyTo(new ProcessBuilder(chosen.brzCommand("version"))).redirectErrorStream(true).start();
      String printed = new String(brz.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(brz.waitFor(30, TimeUnit.SECONDS)).isTrue();

      assertThat(brz.exitValue()).as(printed).isZero();
      assertThat(printed).contains("Breezy (brz) " + chosen.version()).contains(copy.resolve("breezy").toString());
    }
  }

  /** PYTHONPATH cannot smuggle another Breezy in: the interpreter is isolated but for the chosen path. */
  @Test
  void pythonStaysIsolatedButForTheChosenDirectory() {
    List<String> argv = BreezyInstallation.at(copy).pythonScript(Path.of("/x/driver.py"), List.of("a"));

    assertThat(argv.subList(0, 3)).containsExactly("/usr/bin/python3", "-I", "-u");
    assertThat(argv.subList(argv.size() - 3, argv.size())).containsExactly(copy.toString(), "/x/driver.py", "a");
    assertThat(BreezyInstallation.system().pythonScript(Path.of("/x/driver.py"), List.of()))
        .containsExactly("/usr/bin/python3", "-I", "-u", "/x/driver.py");
  }

  /** Without a breezy package of its own, Python would import the system's: refused, in one line. */
  @Test
  void aDirectoryWithoutBreezyIsRefused() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    assertThatThrownBy(() -> BreezyInstallation.at(empty).probe())
        .isInstanceOf(BreezyUnavailable.class)
        .hasMessageStartingWith(empty + ": holds no breezy package (Python found one at " + BreezyCopy.INSTALLED + ")")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThatThrownBy(() -> BreezyInstallation.at(dir.resolve("missing")).probe())
        .isInstanceOf(BreezyUnavailable.class)
        .hasMessageStartingWith(dir.resolve("missing") + ": not a directory");
  }

  @Test
  void aBreezyThatDoesNotImportIsRefusedWithPythonsLastWord() throws IOException {
    Path broken = dir.resolve("broken");
    Files.createDirectories(broken.resolve("breezy"));
    Files.writeString(broken.resolve("breezy/__init__.py"), "raise ImportError('a half-built checkout')\n");

    assertThatThrownBy(() -> BreezyInstallation.at(broken).probe())
        .isInstanceOf(BreezyUnavailable.class)
        .hasMessageStartingWith(broken + ": Python failed: ImportError: a half-built checkout")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void theChoiceIsPartOfTheValue() {
    assertThat(BreezyInstallation.at(copy)).isNotEqualTo(BreezyInstallation.system());
    assertThat(BreezyInstallation.at(copy.resolve("x/..")).breezyPath()).isEqualTo(Optional.of(copy));
  }
}
