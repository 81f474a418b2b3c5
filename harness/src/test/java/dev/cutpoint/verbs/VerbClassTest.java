package dev.cutpoint.verbs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerbClassTest {

  /** SPEC §3.2's table: resend after a read-phase failure only for read, idem and semi. */
  @ParameterizedTest
  @CsvSource({
    "READ, read, true",
    "IDEM, idem, true",
    "SEMI, semi, true",
    "SEMIVFS, semivfs, false",
    "MUTATE, mutate, false",
    "STREAM, stream, false"
  })
  void resendAfterReadFollowsTheSpecTable(VerbClass verbClass, String breezyName, boolean resend) {
    assertThat(verbClass.breezyName()).isEqualTo(breezyName);
    assertThat(verbClass.resendableAfterRead()).isEqualTo(resend);
  }
}
