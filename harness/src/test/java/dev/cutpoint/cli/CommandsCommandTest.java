package dev.cutpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code cutpoint commands}: bad arguments are one line and exit 2, before brz serve starts. */
class CommandsCommandTest {

  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();
  @TempDir Path dir;

  @Test
  void anUnknownCommandIsOneLineNamingTheAcceptedOnes() {
    assertThat(Main.run("commands", "--command", "pull,clone")).isEqualTo(2);
    assertThat(console.err().strip()).isEqualTo("cutpoint commands: --command: unknown command 'clone'; accepted:"
        + " branch, push-new, push-more, pull, commit-bound, log, cat");
  }

  @Test
  void aBudgetBelowOneIsRefused() {
    assertThat(Main.run("commands", "--cut-points", "0")).isEqualTo(2);
    assertThat(console.err()).contains("--cut-points must be at least 1, was 0");
  }

  @Test
  void aToxiproxyThatDoesNotAnswerIsOneLineBeforeAnyBrzStarts() {
    assertThat(Main.run("commands", "--toxiproxy", "http://127.0.0.1:1", "--out", dir.resolve("r").toString()))
        .isEqualTo(2);
    assertRefusedBeforeAnyBrz("cutpoint commands: --toxiproxy: no Toxiproxy answers at http://127.0.0.1:1");
  }

  @Test
  void anUnknownToxiproxyIsOneLine() {
    assertThat(Main.run("commands", "--toxiproxy", "docker", "--out", dir.resolve("r").toString())).isEqualTo(2);
    assertRefusedBeforeAnyBrz("cutpoint commands: --toxiproxy: 'docker'");
  }

  @Test
  void anOutThatCannotBeWrittenIsOneLineBeforeAnyBrzStarts() throws Exception {
    Path file = Files.writeString(dir.resolve("regular"), "");
    assertThat(Main.run("commands", "--out", file.toString())).isEqualTo(2);
    assertRefusedBeforeAnyBrz("cutpoint commands: --out " + file + " is not a directory the report can be written to");
  }

  /** One line on stderr, and not even the run line, which is printed just before brz serve starts. */
  private void assertRefusedBeforeAnyBrz(String line) {
    assertThat(console.err().lines()).singleElement().satisfies(l -> assertThat(l).startsWith(line));
    assertThat(console.out()).isEmpty();
  }
}
