package dev.cutpoint.client;

import dev.cutpoint.wire.BDict;
import dev.cutpoint.wire.MessageDecoder;
import java.time.Duration;
import java.util.Optional;

/**
 * How a {@link SmartClient} behaves.
 *
 * @param policy when to resend ({@link RetryPolicy#BREEZY} unless the harness runs a mutant)
 * @param noRetry Breezy's {@code -Dnoretry}: no resend at all
 * @param timeout the longest wait for the server to accept a connection, a byte of the request
 *     or send a byte of the response; empty (the {@code no-timeout} mutant) waits forever, as
 *     Breezy's client does
 * @param headers the headers of every request (Breezy sends its version; empty matches the
 *     captured vectors)
 * @param maxResponseSize the largest response accepted before it is a protocol error
 * @param clock what the timeout is measured on: {@link CallClock#SYSTEM}, or the harness's
 *     {@link ManualClock} (SPEC §5.4)
 */
public record ClientOptions(
    RetryPolicy policy,
    boolean noRetry,
    Optional<Duration> timeout,
    BDict headers,
    int maxResponseSize,
    CallClock clock) {

  /** On by default, so that a black-holed connection never hangs a call (SPEC §3.4). */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public ClientOptions {
    if (policy == null || timeout == null || headers == null || clock == null) {
      throw new IllegalArgumentException("policy, timeout, headers and clock are required");
    }
    timeout.ifPresent(
        t -> {
          if (t.isNegative() || t.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + t);
          }
        });
  }

  public static ClientOptions defaults() {
    return new ClientOptions(
        RetryPolicy.BREEZY,
        false,
        Optional.of(DEFAULT_TIMEOUT),
        BDict.EMPTY,
        MessageDecoder.DEFAULT_MAX_MESSAGE_SIZE,
        CallClock.SYSTEM);
  }

  public ClientOptions withPolicy(RetryPolicy newPolicy) {
    return new ClientOptions(newPolicy, noRetry, timeout, headers, maxResponseSize, clock);
  }

  public ClientOptions withNoRetry(boolean newNoRetry) {
    return new ClientOptions(policy, newNoRetry, timeout, headers, maxResponseSize, clock);
  }

  public ClientOptions withTimeout(Duration newTimeout) {
    return new ClientOptions(policy, noRetry, Optional.of(newTimeout), headers, maxResponseSize, clock);
  }

  /** The {@code no-timeout} mutant: a black-holed connection hangs the call. */
  public ClientOptions withoutTimeout() {
    return new ClientOptions(policy, noRetry, Optional.empty(), headers, maxResponseSize, clock);
  }

  public ClientOptions withHeaders(BDict newHeaders) {
    return new ClientOptions(policy, noRetry, timeout, newHeaders, maxResponseSize, clock);
  }

  /** Timeouts measured on {@code newClock} (the harness's {@link ManualClock} in the matrix). */
  public ClientOptions withClock(CallClock newClock) {
    return new ClientOptions(policy, noRetry, timeout, headers, maxResponseSize, newClock);
  }

  public ClientOptions withMaxResponseSize(int newMaxResponseSize) {
    return new ClientOptions(policy, noRetry, timeout, headers, newMaxResponseSize, clock);
  }
}
