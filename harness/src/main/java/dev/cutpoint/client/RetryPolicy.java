package dev.cutpoint.client;

import static dev.cutpoint.client.RetryDecision.because;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Whether to resend a request after a failed attempt: a pure function of the {@link
 * AttemptFailure}, written as ordered guard clauses. {@link #BREEZY} is the rule of Breezy's
 * {@code _SmartClientRequest} ({@code breezy/bzr/smart/client.py}) and the default; the others are
 * the deliberately wrong clients the harness must catch (SPEC §8).
 */
public enum RetryPolicy {
  /**
   * Breezy's rule, SPEC §1. {@code _send} resends once on a {@code ConnectionReset} while writing
   * unless a body stream had started; {@code _call} resends once on one while reading only if
   * {@code _is_safe_to_send_twice}: no body stream and the verb is read, idem or semi. Breezy's
   * client has no timeout; here a stall is a failure of the phase it happens in, like a reset
   * (the connection is dropped either way), so that a read call survives a black hole (I3).
   */
  BREEZY("breezy") {
    @Override
    public RetryDecision decide(AttemptFailure failure) {
      if (failure.noRetry()) {
        return because(RetryReason.NO_RETRY);
      }
      if (failure.attempt() > 1) {
        return because(RetryReason.ALREADY_RESENT);
      }
      if (failure.site() == FailureSite.CONNECT) {
        return because(RetryReason.CONNECT_FAILED);
      }
      if (failure.bodyStreamStarted()) {
        return because(RetryReason.STREAM_STARTED);
      }
      if (failure.site() == FailureSite.WRITE) {
        return because(RetryReason.NOT_RECEIVED);
      }
      if (failure.verbClass().resendableAfterRead()) {
        return because(RetryReason.SAFE_TO_SEND_TWICE);
      }
      return because(RetryReason.MAY_HAVE_EXECUTED);
    }
  },

  /** Mutant: resends once after any failure, whatever the verb, the site or the stream. */
  RESEND_ALL("resend-all") {
    @Override
    public RetryDecision decide(AttemptFailure failure) {
      if (failure.noRetry()) {
        return because(RetryReason.NO_RETRY);
      }
      if (failure.attempt() > 1) {
        return because(RetryReason.ALREADY_RESENT);
      }
      return because(RetryReason.RESENDS_EVERYTHING);
    }
  },

  /** Mutant: never resends, so bug 819604 comes back for every verb. */
  RESEND_NONE("resend-none") {
    @Override
    public RetryDecision decide(AttemptFailure failure) {
      if (failure.noRetry()) {
        return because(RetryReason.NO_RETRY);
      }
      return because(RetryReason.NEVER_RESENDS);
    }
  },

  /**
   * Mutant: Breezy's rule without the stream guard; the resend carries only what is left of the
   * stream, as a complete message.
   */
  RESEND_STARTED_STREAM("resend-started-stream") {
    @Override
    public RetryDecision decide(AttemptFailure failure) {
      RetryDecision breezy = BREEZY.decide(failure);
      if (breezy.reason() == RetryReason.STREAM_STARTED) {
        return because(RetryReason.IGNORES_STARTED_STREAM);
      }
      return breezy;
    }
  },

  /** Mutant: Breezy's rule without the one-resend limit; a fuse keeps it from hanging a run. */
  RESEND_FOREVER("resend-forever") {
    @Override
    public RetryDecision decide(AttemptFailure failure) {
      if (failure.attempt() >= FOREVER_FUSE) {
        return because(RetryReason.FUSE_BLOWN);
      }
      return BREEZY.decide(failure.asFirstAttempt());
    }
  };

  /** Attempts after which {@link #RESEND_FOREVER} gives up; far beyond the one resend allowed. */
  public static final int FOREVER_FUSE = 32;

  private final String label;

  RetryPolicy(String label) {
    this.label = label;
  }

  /** The verdict on one failed attempt. */
  public abstract RetryDecision decide(AttemptFailure failure);

  /** The name used on the command line, in case files and in reports. */
  public String label() {
    return label;
  }

  /** The policy with this label, or an {@link IllegalArgumentException} naming the valid ones. */
  public static RetryPolicy byLabel(String label) {
    return Arrays.stream(values())
        .filter(policy -> policy.label.equals(label))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown retry policy '"
                        + label
                        + "'; expected one of "
                        + Arrays.stream(values())
                            .map(RetryPolicy::label)
                            .collect(Collectors.joining(", "))));
  }
}
