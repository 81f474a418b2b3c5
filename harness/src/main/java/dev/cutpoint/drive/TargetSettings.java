package dev.cutpoint.drive;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a target is set up for a run.
 *
 * @param mutant the deliberately wrong client or server to run, {@link Mutant#NONE} for the real one
 * @param toxiproxy the {@code --toxiproxy} value, if given (else the system property, the
 *     environment, then the embedded server decide)
 * @param callTimeout the client's read timeout in ordinary cases
 * @param blackholeTimeout the client's read timeout in BLACKHOLE cases: short, so that they are
 *     quick, yet long enough that no call of the case times out only because the machine is busy
 *     (at 200 ms, eight workers on two loaded cores saw a spurious timeout in a few hundred cases)
 */
public record TargetSettings(
    Mutant mutant, Optional<String> toxiproxy, Duration callTimeout, Duration blackholeTimeout) {

  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_BLACKHOLE_TIMEOUT = Duration.ofMillis(500);

  /** What {@link #livenessBoundMillis} allows beyond two timeouts. */
  private static final long SLACK_MILLIS = 3_000;

  public TargetSettings {
    Objects.requireNonNull(mutant, "mutant");
    Objects.requireNonNull(toxiproxy, "toxiproxy");
    Objects.requireNonNull(callTimeout, "callTimeout");
    Objects.requireNonNull(blackholeTimeout, "blackholeTimeout");
  }

  public static TargetSettings defaults() {
    return new TargetSettings(
        Mutant.NONE, Optional.empty(), DEFAULT_CALL_TIMEOUT, DEFAULT_BLACKHOLE_TIMEOUT);
  }

  public TargetSettings withMutant(Mutant newMutant) {
    return new TargetSettings(newMutant, toxiproxy, callTimeout, blackholeTimeout);
  }

  public TargetSettings withToxiproxy(Optional<String> newToxiproxy) {
    return new TargetSettings(mutant, newToxiproxy, callTimeout, blackholeTimeout);
  }

  /**
   * The longest a call may take before it breaks liveness (I6): a timeout for the attempt, another
   * for a resend, and slack. The timeout bounds each wait without progress, not the transfer of a
   * multi-MiB body, which on an overloaded machine took 1.7 s against a 1.5 s bound; a client that
   * hangs (the no-timeout mutant) still crosses any finite bound.
   */
  public static long livenessBoundMillis(Duration timeout) {
    return 2 * timeout.toMillis() + SLACK_MILLIS;
  }
}
