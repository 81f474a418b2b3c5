package dev.cutpoint.toxiproxy.embedded.toxic;

import java.util.concurrent.TimeUnit;

/**
 * Lets no data through. With {@code timeout} > 0 it closes the link once that many ms pass
 * without data (each chunk restarts the clock); with 0 it holds the link open, a black hole.
 * Removing it closes the link rather than letting data flow again. What it drops is counted for
 * the harness ({@link BlackHoles}).
 */
public record TimeoutToxic(long timeout) implements Toxic {

  @Override
  public void pipe(ToxicStub stub) throws StubInterrupted {
    long nanos = TimeUnit.MILLISECONDS.toNanos(timeout);
    while (true) {
      Arrival arrival = nanos > 0 ? stub.takeWithin(nanos) : stub.take();
      if (!(arrival instanceof Chunk)) {
        stub.close(); // silence for the whole timeout, or the input ended
        return;
      }
      // data is dropped on the floor, where the harness can see it fall
      BlackHoles.INSTANCE.swallowed(stub.toxicName(), ((Chunk) arrival).length());
    }
  }

  @Override
  public void cleanup(ToxicStub stub) {
    stub.close();
  }
}
