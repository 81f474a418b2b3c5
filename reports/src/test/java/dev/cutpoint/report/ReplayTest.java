package dev.cutpoint.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The replay command a report prints runs the case as it ran, with the same Breezy. */
class ReplayTest {

  @Test
  void aRunWithAChosenBreezyReplaysWithIt() {
    assertThat(Replay.of("cases/breezy-client-3.json", Optional.of("/home/me/my breezy")).command())
        .isEqualTo("./cutpoint replay cases/breezy-client-3.json --breezy '/home/me/my breezy'");
    assertThat(Replay.of("cases/java-3.json", Optional.empty())).isEqualTo(Replay.of("cases/java-3.json"));
  }
}
