package dev.cutpoint.toxiproxy.embedded.toxic;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Cuts each chunk into pieces of about {@code average_size ± size_variation} bytes, waiting
 * {@code delay} µs after each piece.
 */
public record SlicerToxic(
    @JsonProperty("average_size") int averageSize,
    @JsonProperty("size_variation") int sizeVariation,
    @JsonProperty("delay") int delay)
    implements Toxic {

  @Override
  public void pipe(ToxicStub stub) throws StubInterrupted {
    while (true) {
      if (!(stub.take() instanceof Chunk chunk)) {
        stub.close();
        return;
      }
      int[] cuts = cuts(chunk.length());
      for (int i = 1; i < cuts.length; i++) {
        stub.emit(chunk.slice(cuts[i - 1], cuts[i]));
        try {
          stub.sleep(TimeUnit.MICROSECONDS.toNanos(delay));
        } catch (StubInterrupted rewiring) {
          stub.emit(chunk.slice(cuts[i], chunk.length())); // the rest goes unsliced
          throw rewiring;
        }
      }
    }
  }

  /**
   * Piece boundaries {@code 0 = c0 < c1 < ... = length}: halve (moved by up to ±variation) until
   * a piece is within the variation of the average size, as Toxiproxy does, so that pieces vary
   * evenly with no small one at either end.
   */
  int[] cuts(int length) {
    int[] out = new int[length + 2]; // every piece but an empty chunk's has at least one byte
    int n = cut(0, length, out, 0);
    out[n++] = length;
    return Arrays.copyOf(out, n);
  }

  /** Writes the start offsets of the pieces of {@code [start, end)}; returns the new count. */
  private int cut(int start, int end, int[] out, int n) {
    // Toxiproxy recurses without end on an average size below 1; 1 is the honest floor
    int average = Math.max(1, averageSize);
    if ((end - start) - average <= sizeVariation) {
      out[n] = start;
      return n + 1;
    }
    int mid = start + (end - start) / 2;
    if (sizeVariation > 0) {
      mid += ThreadLocalRandom.current().nextInt(sizeVariation * 2) - sizeVariation;
    }
    mid = Math.max(start + 1, Math.min(end - 1, mid));
    return cut(mid, end, out, cut(start, mid, out, n));
  }
}
