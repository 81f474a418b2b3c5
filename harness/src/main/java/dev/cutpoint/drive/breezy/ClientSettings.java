package dev.cutpoint.drive.breezy;

import java.time.Duration;

/**
 * How Breezy's client is set up for a run.
 *
 * @param readTimeout bounds each wait of a send or receive on the driver's sockets (connects stay
 *     blocking, as Breezy's are; on loopback they never hang). Breezy sets no timeout of its own
 *     (breezy/bzr/smart/medium.py:1137-1140), so without this a black-holed call would hang for
 *     ever; with it, the call raises {@code TimeoutError}. The harness can end the wait sooner
 *     with the same error ({@link BreezyClient#expire}); the timeout is then the safety net
 * @param noRetry Breezy's {@code -Dnoretry} debug flag: no resend at all (client.py:160, 278)
 */
public record ClientSettings(Duration readTimeout, boolean noRetry) {

  public ClientSettings {
    if (readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("the read timeout must be positive, got " + readTimeout);
    }
  }

  /** Resends on, 5 s read timeout. */
  public static ClientSettings defaults() {
    return new ClientSettings(Duration.ofSeconds(5), false);
  }

  /** The same with {@code -Dnoretry} set. */
  public ClientSettings withNoRetry() {
    return new ClientSettings(readTimeout, true);
  }
}
