package dev.cutpoint.toxiproxy.embedded.toxic;

import java.util.Optional;

/**
 * Forwards exactly {@code bytes} bytes, cutting the chunk that crosses the limit, then closes the
 * link. The count belongs to the stub: it starts at 0 when the link opens or the toxic is added,
 * survives updates and rewiring, and starts again only when the toxic is added anew.
 */
public record LimitDataToxic(long bytes) implements Toxic {

  /** Bytes this stub has let through. */
  static final class Transmitted {
    long bytes;
  }

  @Override
  public Optional<Object> newState() {
    return Optional.of(new Transmitted());
  }

  @Override
  public void pipe(ToxicStub stub) throws StubInterrupted {
    Transmitted sent = stub.state(Transmitted.class);
    long remaining = bytes - sent.bytes;
    while (true) {
      if (!(stub.take() instanceof Chunk chunk)) {
        stub.close();
        return;
      }
      remaining = Math.max(0, remaining);
      if (remaining < chunk.length()) {
        chunk = chunk.slice(0, (int) remaining);
      }
      if (chunk.length() > 0) {
        stub.emit(chunk);
        sent.bytes += chunk.length();
      }
      remaining = bytes - sent.bytes;
      if (remaining <= 0) {
        stub.close();
        return;
      }
    }
  }
}
