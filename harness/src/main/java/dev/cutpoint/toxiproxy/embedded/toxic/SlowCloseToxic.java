package dev.cutpoint.toxiproxy.embedded.toxic;

import java.util.concurrent.TimeUnit;

/** Passes data through, but holds the close back for {@code delay} ms after the input ends. */
public record SlowCloseToxic(long delay) implements Toxic {

  @Override
  public void pipe(ToxicStub stub) throws StubInterrupted {
    while (true) {
      if (stub.take() instanceof Chunk chunk) {
        stub.emit(chunk);
        continue;
      }
      // interrupted while waiting, Toxiproxy returns without closing; the rerun waits again
      stub.sleep(TimeUnit.MILLISECONDS.toNanos(delay));
      stub.close();
      return;
    }
  }
}
