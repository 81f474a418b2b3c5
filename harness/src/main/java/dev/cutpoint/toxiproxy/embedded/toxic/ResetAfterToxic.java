package dev.cutpoint.toxiproxy.embedded.toxic;

import java.util.Optional;

/**
 * An extension of ours, {@code cutpoint_reset_after}: forwards exactly {@code bytes} bytes, cutting
 * the chunk that crosses the limit as limit_data does, then resets the link: both sides get a TCP
 * RST (SO_LINGER 0, as reset_peer sets it), whenever the link was opened. With 0 it resets on the
 * first data, which it drops, as reset_peer with timeout 0 does. The count is limit_data's. A
 * source that ends before the limit closes the link plainly (FIN), as limit_data's does.
 */
public record ResetAfterToxic(long bytes) implements Toxic {

  public ResetAfterToxic {
    Attributes.requireNotNegative("bytes", bytes);
  }

  @Override
  public Optional<Object> newState() {
    return Optional.of(new Passed());
  }

  @Override
  public void pipe(ToxicStub stub) throws StubInterrupted {
    if (Passed.forwardUpTo(stub, bytes)) {
      stub.reset();
    }
  }
}
