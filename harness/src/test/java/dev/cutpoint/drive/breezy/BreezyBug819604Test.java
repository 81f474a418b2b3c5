package dev.cutpoint.drive.breezy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutpoint.cli.Main;
import dev.cutpoint.drive.Bug819604;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC §8's bug 819604 with real Breezy: a restart of brz serve between two requests. */
class BreezyBug819604Test {

  private final ByteArrayOutputStream story = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(story, true, StandardCharsets.UTF_8);

  @BeforeAll
  static void requireBreezy() {
    InstalledBreezy.require();
  }

  @Test
  void breezysClientResendsTheReadAfterBrzServeRestarted() throws Exception {
    Bug819604.Ending ending = BreezyBug819604.tell(out, BreezyTargets.BOTH, false);

    assertThat(ending).isEqualTo(Bug819604.Ending.SUCCEEDED);
    assertThat(text())
        .contains("brz serve stops gracefully (SIGHUP")
        .contains("attempt 1 on connection 1 (kept from the previous call)")
        .contains("reconnect and resend (ConnectionReset reading response for b'get', retrying)")
        .contains("attempt 2 on connection 2 (new)")
        .contains("with a body of 24 bytes");
  }

  @Test
  void withNoretryTheFirstCallAfterTheRestartFailsWithConnectionReset() throws Exception {
    Bug819604.Ending ending = BreezyBug819604.tell(out, BreezyTargets.BOTH, true);

    assertThat(ending).isEqualTo(Bug819604.Ending.FAILED_WITH_CONNECTION_ERROR);
    assertThat(text())
        .contains("with -Dnoretry")
        .contains("result: ConnectionReset: Connection closed: Unexpected end of message")
        .contains("bug 819604 reproduced")
        .doesNotContain("attempt 2");
  }

  @Test
  void theCommandLineTellsItOnEachBreezyTarget() {
    PrintStream realOut = System.out;
    System.setOut(out);
    try {
      assertThat(Main.run("reproduce", "bug-819604", "--target", "breezy-client")).isZero();
      assertThat(Main.run("reproduce", "bug-819604", "--target", "breezy-client", "--no-retry")).isOne();
      assertThat(Main.run("reproduce", "bug-819604", "--target", "breezy-server", "--no-retry")).isOne();
    } finally {
      System.setOut(realOut);
    }
    assertThat(text()).contains("(bug 819604 fixed)").contains("(bug 819604 reproduced)");
  }

  @Test
  void onlyBreezyTargetsTellIt() {
    assertThatThrownBy(() -> BreezyBug819604.tell(out, "java", false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("breezy-server, breezy-client, breezy");
  }

  private String text() {
    return story.toString(StandardCharsets.UTF_8);
  }
}
