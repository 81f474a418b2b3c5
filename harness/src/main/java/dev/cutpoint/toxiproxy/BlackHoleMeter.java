package dev.cutpoint.toxiproxy;

import java.time.Duration;

/**
 * What a {@code timeout} toxic (a black hole) swallows, seen from inside the proxy: the evidence
 * that an attempt can never progress (SPEC §5.4), which no Toxiproxy API gives. Only the embedded
 * server, running in this process, has one.
 */
public interface BlackHoleMeter {

  /** Starts counting the bytes swallowed by the toxic named {@code toxicName}, before it is added. */
  Swallowed watch(String toxicName);

  /** The bytes one toxic has swallowed since its watch began; closing stops the count. */
  interface Swallowed extends AutoCloseable {

    /**
     * Blocks until at least {@code bytes} were swallowed.
     *
     * @param safetyNet the longest real time to block: a bound against a harness defect
     * @return whether they were
     */
    boolean awaitAtLeast(long bytes, Duration safetyNet) throws InterruptedException;

    @Override
    void close();
  }
}
