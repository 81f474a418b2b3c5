package dev.cutpoint.toxiproxy.embedded.toxic;

import java.util.Optional;

/**
 * Forwards exactly {@code bytes} bytes, cutting the chunk that crosses the limit, then closes the
 * link. The count belongs to the stub: it starts at 0 when the link opens or the toxic is added,
 * survives updates and rewiring, and starts again only when the toxic is added anew.
 */
public record LimitDataToxic(long bytes) implements Toxic {

  @Override
  public Optional<Object> newState() {
    return Optional.of(new Passed());
  }

  @Override
  public void pipe(ToxicStub stub) throws StubInterrupted {
    if (Passed.forwardUpTo(stub, bytes)) {
      stub.close();
    }
  }
}
