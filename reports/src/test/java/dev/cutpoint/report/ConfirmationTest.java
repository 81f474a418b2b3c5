package dev.cutpoint.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfirmationTest {

  @Test
  void saysHowManyReplaysBroughtTheViolationBack() {
    assertThat(new Confirmation(3, 3).describe()).isEqualTo("reproduced 3/3");
    assertThat(new Confirmation(2, 3).describe()).isEqualTo("reproduced 2/3");
  }

  @Test
  void aViolationThatNeverCameBackIsFlaggedAsTheHarnesssUntilShownOtherwise() {
    assertThat(new Confirmation(0, 3).describe()).isEqualTo("reproduced 0/3 (a harness defect until shown otherwise)");
  }

  @Test
  void countsOutsideTheReplaysAreRefused() {
    assertThatThrownBy(() -> new Confirmation(4, 3)).hasMessage("reproduced must be 0 to 3: 4");
    assertThatThrownBy(() -> new Confirmation(-1, 3)).hasMessage("reproduced must be 0 to 3: -1");
    assertThatThrownBy(() -> new Confirmation(0, 0)).hasMessage("replays must be 1 or more: 0");
  }
}
