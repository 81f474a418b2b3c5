package dev.cutpoint.toxiproxy.embedded.toxic;

/**
 * The bytes a cutting toxic (limit_data and our two extensions) has let through on one link, kept
 * on its stub as limit_data keeps its count: from 0 when the link opens or the toxic is added,
 * through updates and rewiring.
 */
final class Passed {
  private long bytes;

  /**
   * Emits what may still pass of a limit of {@code limit} bytes — the first part of {@code chunk},
   * cut where it crosses the limit — and counts it.
   *
   * @return how many bytes of {@code chunk} did not pass
   */
  int forward(ToxicStub stub, Chunk chunk, long limit) throws StubInterrupted {
    long remaining = Math.max(0, limit - bytes);
    Chunk through = remaining < chunk.length() ? chunk.slice(0, (int) remaining) : chunk;
    if (through.length() > 0) {
      stub.emit(through);
      bytes += through.length();
    }
    return chunk.length() - through.length();
  }

  /**
   * limit_data's loop, on the stub's count: forwards what may pass of each chunk until {@code
   * limit} bytes have passed (true: what happens then is the caller's), or the source ends first,
   * which closes the link plainly (false).
   */
  static boolean forwardUpTo(ToxicStub stub, long limit) throws StubInterrupted {
    Passed passed = stub.state(Passed.class);
    while (true) {
      if (!(stub.take() instanceof Chunk chunk)) {
        stub.close();
        return false;
      }
      passed.forward(stub, chunk, limit);
      if (passed.reached(limit)) {
        return true;
      }
    }
  }

  /** Whether {@code limit} bytes have passed. */
  boolean reached(long limit) {
    return bytes >= limit;
  }
}
