package dev.cutpoint.client;

import dev.cutpoint.wire.ByteString;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request body sent as a stream of chunks, each its own {@code b} part. Like Breezy's
 * {@code body_stream} it is an iterator: it can be consumed once and never rewound, so once the
 * client has taken a chunk a lost connection cannot be made good by resending. A resend (by a
 * mutant policy) sends only what is left.
 */
public final class BodyStream {

  private final Iterator<ByteString> chunks;
  private boolean started;
  private int taken;

  private BodyStream(Iterator<ByteString> chunks) {
    this.chunks = Objects.requireNonNull(chunks);
  }

  /** A stream over {@code chunks}, consumed once. */
  public static BodyStream of(Iterator<ByteString> chunks) {
    return new BodyStream(chunks);
  }

  /** A stream over a list's chunks; the list may be read again, the stream may not. */
  public static BodyStream of(List<ByteString> chunks) {
    return new BodyStream(List.copyOf(chunks).iterator());
  }

  /** Whether the client has begun to consume the stream (Breezy's {@code body_stream_started}). */
  public boolean started() {
    return started;
  }

  /** How many chunks have been taken. */
  public int chunksTaken() {
    return taken;
  }

  /** The next chunk, or empty at the end; marks the stream started before touching it. */
  Optional<ByteString> next() {
    started = true;
    if (!chunks.hasNext()) {
      return Optional.empty();
    }
    ByteString chunk = Objects.requireNonNull(chunks.next(), "a body stream chunk");
    taken++;
    return Optional.of(chunk);
  }
}
