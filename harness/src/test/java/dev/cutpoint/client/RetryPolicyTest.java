package dev.cutpoint.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutpoint.verbs.VerbClass;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class RetryPolicyTest {

  /** The default policy, one row per guard clause and per verb class after a read failure. */
  @ParameterizedTest(name = "{0} {1} timedOut={2} started={3} attempt={4} noretry={5} -> {6}")
  @CsvSource({
    // class,  site,    timedOut, started, attempt, noretry, reason
    "READ,     WRITE,   false,    false,   1,       true,    NO_RETRY",
    "READ,     READ,    false,    false,   1,       true,    NO_RETRY",
    "READ,     WRITE,   false,    false,   2,       false,   ALREADY_RESENT",
    "READ,     READ,    false,    false,   2,       false,   ALREADY_RESENT",
    "READ,     CONNECT, false,    false,   1,       false,   CONNECT_FAILED",
    "READ,     CONNECT, true,     false,   1,       false,   CONNECT_FAILED",
    "READ,     READ,    true,     false,   1,       false,   SAFE_TO_SEND_TWICE",
    "MUTATE,   WRITE,   true,     false,   1,       false,   NOT_RECEIVED",
    "MUTATE,   READ,    true,     false,   1,       false,   MAY_HAVE_EXECUTED",
    "STREAM,   WRITE,   true,     true,    1,       false,   STREAM_STARTED",
    "STREAM,   WRITE,   false,    true,    1,       false,   STREAM_STARTED",
    "STREAM,   READ,    false,    true,    1,       false,   STREAM_STARTED",
    "STREAM,   WRITE,   false,    false,   1,       false,   NOT_RECEIVED",
    "MUTATE,   WRITE,   false,    false,   1,       false,   NOT_RECEIVED",
    "SEMIVFS,  WRITE,   false,    false,   1,       false,   NOT_RECEIVED",
    "READ,     WRITE,   false,    false,   1,       false,   NOT_RECEIVED",
    "READ,     READ,    false,    false,   1,       false,   SAFE_TO_SEND_TWICE",
    "IDEM,     READ,    false,    false,   1,       false,   SAFE_TO_SEND_TWICE",
    "SEMI,     READ,    false,    false,   1,       false,   SAFE_TO_SEND_TWICE",
    "SEMIVFS,  READ,    false,    false,   1,       false,   MAY_HAVE_EXECUTED",
    "MUTATE,   READ,    false,    false,   1,       false,   MAY_HAVE_EXECUTED",
  })
  void breezyPolicyFollowsTheTable(
      VerbClass verbClass,
      FailureSite site,
      boolean timedOut,
      boolean started,
      int attempt,
      boolean noRetry,
      RetryReason reason) {
    RetryDecision decision =
        RetryPolicy.BREEZY.decide(
            new AttemptFailure(verbClass, site, timedOut, started, attempt, noRetry));

    assertThat(decision.reason()).isEqualTo(reason);
    assertThat(decision.resend()).isEqualTo(reason.resend());
  }

  /**
   * A second, literal transcription of Breezy 3.3.2's {@code _send} and {@code _call} for a
   * connection reset on the first attempt, checked against the policy for every combination; a
   * stall (which Breezy's client cannot notice) is judged as a reset in the same phase.
   */
  @ParameterizedTest
  @MethodSource("firstAttemptResets")
  void breezyPolicyMatchesBreezysCodeOnEveryFirstReset(AttemptFailure failure) {
    boolean breezyResends;
    if (failure.site() == FailureSite.WRITE) {
      // _send: if 'noretry' in debug_flags or (body_stream is not None and body_stream_started)
      breezyResends = !(failure.noRetry() || failure.bodyStreamStarted());
    } else {
      // _call: if not _is_safe_to_send_twice(); a started stream is a body_stream that exists
      breezyResends =
          !failure.bodyStreamStarted()
              && !failure.noRetry()
              && List.of("read", "idem", "semi").contains(failure.verbClass().breezyName());
    }

    assertThat(RetryPolicy.BREEZY.decide(failure).resend()).isEqualTo(breezyResends);
  }

  static Stream<AttemptFailure> firstAttemptResets() {
    List<AttemptFailure> all = new ArrayList<>();
    for (VerbClass verbClass : VerbClass.values()) {
      for (FailureSite site : List.of(FailureSite.WRITE, FailureSite.READ)) {
        for (boolean started : new boolean[] {false, true}) {
          for (boolean noRetry : new boolean[] {false, true}) {
            for (boolean timedOut : new boolean[] {false, true}) {
              all.add(new AttemptFailure(verbClass, site, timedOut, started, 1, noRetry));
            }
          }
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest
  @EnumSource(RetryPolicy.class)
  void noPolicyResendsUnderNoRetry(RetryPolicy policy) {
    for (AttemptFailure failure : everyFailure(1)) {
      AttemptFailure flagged =
          new AttemptFailure(
              failure.verbClass(),
              failure.site(),
              failure.timedOut(),
              failure.bodyStreamStarted(),
              failure.attempt(),
              true);
      assertThat(policy.decide(flagged).resend()).as("%s on %s", policy, flagged).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = RetryPolicy.class,
      names = {"BREEZY", "RESEND_ALL", "RESEND_NONE", "RESEND_STARTED_STREAM"})
  void onlyResendForeverResendsTwice(RetryPolicy policy) {
    for (AttemptFailure failure : everyFailure(2)) {
      assertThat(policy.decide(failure).resend()).as("%s on %s", policy, failure).isFalse();
    }
  }

  @Test
  void resendForeverResendsAfterEveryResetUntilItsFuse() {
    AttemptFailure readOnGet = new AttemptFailure(VerbClass.READ, FailureSite.READ, false, false, 1, false);
    for (int attempt = 1; attempt < RetryPolicy.FOREVER_FUSE; attempt++) {
      AttemptFailure again =
          new AttemptFailure(VerbClass.READ, FailureSite.READ, false, false, attempt, false);
      assertThat(RetryPolicy.RESEND_FOREVER.decide(again).reason())
          .isEqualTo(RetryReason.SAFE_TO_SEND_TWICE);
    }
    assertThat(
            RetryPolicy.RESEND_FOREVER.decide(
                new AttemptFailure(
                    VerbClass.READ, FailureSite.READ, false, false, RetryPolicy.FOREVER_FUSE, false)))
        .isEqualTo(new RetryDecision(RetryReason.FUSE_BLOWN));
    assertThat(RetryPolicy.RESEND_FOREVER.decide(readOnGet))
        .isEqualTo(RetryPolicy.BREEZY.decide(readOnGet));
  }

  @ParameterizedTest
  @MethodSource("policyDifferences")
  void eachMutantDiffersFromBreezyWhereItsNameSays(
      RetryPolicy mutant, AttemptFailure failure, RetryReason breezy, RetryReason mutated) {
    assertThat(RetryPolicy.BREEZY.decide(failure).reason()).isEqualTo(breezy);
    assertThat(mutant.decide(failure).reason()).isEqualTo(mutated);
  }

  static Stream<Arguments> policyDifferences() {
    return Stream.of(
        Arguments.of(
            RetryPolicy.RESEND_ALL,
            new AttemptFailure(VerbClass.MUTATE, FailureSite.READ, false, false, 1, false),
            RetryReason.MAY_HAVE_EXECUTED,
            RetryReason.RESENDS_EVERYTHING),
        Arguments.of(
            RetryPolicy.RESEND_NONE,
            new AttemptFailure(VerbClass.READ, FailureSite.READ, false, false, 1, false),
            RetryReason.SAFE_TO_SEND_TWICE,
            RetryReason.NEVER_RESENDS),
        Arguments.of(
            RetryPolicy.RESEND_STARTED_STREAM,
            new AttemptFailure(VerbClass.STREAM, FailureSite.WRITE, false, true, 1, false),
            RetryReason.STREAM_STARTED,
            RetryReason.IGNORES_STARTED_STREAM),
        Arguments.of(
            RetryPolicy.RESEND_FOREVER,
            new AttemptFailure(VerbClass.IDEM, FailureSite.READ, false, false, 2, false),
            RetryReason.ALREADY_RESENT,
            RetryReason.SAFE_TO_SEND_TWICE));
  }

  @Test
  void labelsRoundTripAndAnUnknownLabelNamesTheValidOnes() {
    for (RetryPolicy policy : RetryPolicy.values()) {
      assertThat(RetryPolicy.byLabel(policy.label())).isSameAs(policy);
    }
    assertThatThrownBy(() -> RetryPolicy.byLabel("sometimes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sometimes")
        .hasMessageContaining("resend-started-stream");
  }

  private static List<AttemptFailure> everyFailure(int attempt) {
    List<AttemptFailure> all = new ArrayList<>();
    for (VerbClass verbClass : VerbClass.values()) {
      for (FailureSite site : FailureSite.values()) {
        for (boolean timedOut : new boolean[] {false, true}) {
          for (boolean started : new boolean[] {false, true}) {
            all.add(new AttemptFailure(verbClass, site, timedOut, started, attempt, false));
          }
        }
      }
    }
    return all;
  }
}
