package dev.cutpoint.toxiproxy.embedded.toxic;

import java.util.Optional;

/**
 * An extension of ours, {@code cutpoint_blackhole_after}: forwards exactly {@code bytes} bytes,
 * cutting the chunk that crosses the limit, then swallows everything and closes nothing — timeout 0
 * after a prefix. What it swallows is counted for the harness ({@link BlackHoles}), as timeout's is.
 * Once it swallows (with 0, from the start), removing it closes the link, as removing timeout does;
 * removed before its limit, it has lost nothing and the link flows on. The count is limit_data's.
 */
public record BlackHoleAfterToxic(long bytes) implements Toxic {

  public BlackHoleAfterToxic {
    Attributes.requireNotNegative("bytes", bytes);
  }

  @Override
  public Optional<Object> newState() {
    return Optional.of(new Passed());
  }

  @Override
  public void pipe(ToxicStub stub) throws StubInterrupted {
    Passed passed = stub.state(Passed.class);
    while (true) {
      if (!(stub.take() instanceof Chunk chunk)) {
        stub.close();
        return;
      }
      int swallowed = passed.forward(stub, chunk, bytes);
      if (swallowed > 0) {
        BlackHoles.INSTANCE.swallowed(stub.toxicName(), swallowed);
      }
    }
  }

  @Override
  public void cleanup(ToxicStub stub) {
    if (stub.state(Passed.class).reached(bytes)) {
      stub.close();
    }
  }
}
