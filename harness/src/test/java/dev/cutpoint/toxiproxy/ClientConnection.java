package dev.cutpoint.toxiproxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The client side of a connection through a proxy. */
final class ClientConnection implements AutoCloseable {
  private final Socket socket;

  ClientConnection(InetSocketAddress proxy) throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(proxy, 5_000);
  }

  void send(String text) throws IOException {
    send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  void send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
  }

  /** A FIN from this side; the proxy has no half-close, so it ends the whole link. */
  void shutdownOutput() throws IOException {
    socket.shutdownOutput();
  }

  /** Reads exactly {@code n} bytes (or fails after {@code timeout} without progress). */
  byte[] readExactly(int n, Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
    byte[] bytes = socket.getInputStream().readNBytes(n);
    if (bytes.length < n) {
      throw new IOException("connection ended after " + bytes.length + " of " + n + " bytes");
    }
    return bytes;
  }

  /** Bytes read, and in how many reads they came. */
  record Pieces(byte[] bytes, int reads) {}

  /** Reads exactly {@code n} bytes, counting the reads it takes. */
  Pieces readPieces(int n, Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
    byte[] bytes = new byte[n];
    int reads = 0;
    for (int got = 0; got < n; reads++) {
      int r = socket.getInputStream().read(bytes, got, n - got);
      if (r < 0) {
        throw new IOException("connection ended after " + got + " of " + n + " bytes");
      }
      got += r;
    }
    return new Pieces(bytes, reads);
  }

  /**
   * Reads until the connection ends, or until nothing arrives for {@code quiet}: what arrived and
   * how it ended ({@link End#OPEN} if it did not).
   */
  Observation readUntilEnd(Duration quiet) throws IOException {
    socket.setSoTimeout((int) quiet.toMillis());
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[8192];
    while (true) {
      try {
        int n = in.read(buffer);
        if (n < 0) {
          return new Observation(received.toByteArray(), End.FIN);
        }
        received.write(buffer, 0, n);
      } catch (SocketTimeoutException silence) {
        return new Observation(received.toByteArray(), End.OPEN);
      } catch (SocketException e) {
        if (String.valueOf(e.getMessage()).contains("reset")) {
          return new Observation(received.toByteArray(), End.RST);
        }
        throw e;
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
