package dev.cutpoint.toxiproxy.embedded.toxic;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The end of a chain under test: keeps what arrives, and whether the end came. */
final class RecordingOutlet implements Outlet {
  private final ByteArrayOutputStream received = new ByteArrayOutputStream(); // guarded by this
  private int chunks; // guarded by this
  private boolean ended; // guarded by this

  @Override
  public synchronized void accept(Chunk chunk) {
    received.writeBytes(chunk.toByteArray());
    chunks++;
    notifyAll();
  }

  @Override
  public synchronized void end() {
    ended = true;
    notifyAll();
  }

  synchronized String text() {
    return received.toString(StandardCharsets.ISO_8859_1);
  }

  synchronized int chunks() {
    return chunks;
  }

  synchronized boolean ended() {
    return ended;
  }

  /** Waits until {@code n} bytes have arrived or the end has; returns what has. */
  synchronized String await(int n, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (received.size() < n && !ended && System.nanoTime() < deadline) {
      wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    }
    return text();
  }

  synchronized boolean awaitEnd(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ended && System.nanoTime() < deadline) {
      wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    }
    return ended;
  }
}
