package dev.cutpoint.toxiproxy.embedded.toxic;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Delays each chunk to {@code latency ± jitter} ms after it was read. Reading goes on meanwhile
 * (the input holds 1024 chunks), so the delay is added once, not once per chunk.
 */
public record LatencyToxic(long latency, long jitter) implements Toxic {

  @Override
  public void pipe(ToxicStub stub) throws StubInterrupted {
    while (true) {
      if (!(stub.take() instanceof Chunk chunk)) {
        stub.close();
        return;
      }
      long wait = delayNanos() - (System.nanoTime() - chunk.receivedAtNanos());
      try {
        stub.sleep(wait);
      } catch (StubInterrupted rewiring) {
        stub.emit(chunk); // leave fast, without the delay, but drop nothing
        throw rewiring;
      }
      // a later latency toxic counts from here, so chained latencies add up
      stub.emit(chunk.receivedAtNanos(chunk.receivedAtNanos() + wait));
    }
  }

  private long delayNanos() {
    long millis = latency;
    if (jitter > 0) {
      millis += ThreadLocalRandom.current().nextLong(jitter * 2) - jitter;
    }
    return TimeUnit.MILLISECONDS.toNanos(millis);
  }
}
