package dev.cutpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code cutpoint commands}: bad arguments are one line and exit 2, before brz serve starts. */
class CommandsCommandTest {

  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();

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
}
