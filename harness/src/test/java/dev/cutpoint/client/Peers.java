package dev.cutpoint.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/** What the client's tests do on the other side of a connection, or beside the client. */
final class Peers {

  private Peers() {}

  /** Everything the peer reads until the client closes, read on another thread. */
  static CompletableFuture<byte[]> readToEnd(Socket peer) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return peer.getInputStream().readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** A read by the medium on another thread: its failure, or null when bytes came. */
  static CompletableFuture<Throwable> readFailure(SocketMedium medium) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        medium.read(ByteBuffer.allocate(10));
        return null;
      } catch (IOException e) {
        return e;
      }
    });
  }
}
