package dev.cutpoint.toxiproxy.embedded.toxic;

import java.util.concurrent.TimeUnit;

/**
 * Limits throughput to {@code rate} KB/s (1 KB = 1000 bytes). Chunks larger than 100 ms worth of
 * data go out in 100 ms slices; the time owed is carried from chunk to chunk, as in Toxiproxy.
 */
public record BandwidthToxic(long rate) implements Toxic {
  private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  @Override
  public void pipe(ToxicStub stub) throws StubInterrupted {
    long owedNanos = 0;
    while (true) {
      if (!(stub.take() instanceof Chunk chunk)) {
        stub.close();
        return;
      }
      // Toxiproxy spins forever on a rate of 0 (and crashes on a negative one): both stall here
      owedNanos = rate <= 0 ? 0 : owedNanos + chunk.length() * 1_000_000L / rate;
      long sliceBytes = Math.max(0, rate * 100);
      while (chunk.length() > sliceBytes) {
        sleepOrFlush(stub, SLICE_NANOS, chunk);
        int cut = (int) sliceBytes;
        if (cut > 0) {
          stub.emit(chunk.slice(0, cut));
        }
        chunk = chunk.slice(cut, chunk.length());
        owedNanos -= SLICE_NANOS;
      }
      long start = System.nanoTime();
      sleepOrFlush(stub, owedNanos, chunk);
      owedNanos -= System.nanoTime() - start; // the sleep's own error is paid back next time
      stub.emit(chunk);
    }
  }

  private static void sleepOrFlush(ToxicStub stub, long nanos, Chunk pending)
      throws StubInterrupted {
    try {
      stub.sleep(nanos);
    } catch (StubInterrupted rewiring) {
      stub.emit(pending); // drop nothing on the floor
      throw rewiring;
    }
  }
}
