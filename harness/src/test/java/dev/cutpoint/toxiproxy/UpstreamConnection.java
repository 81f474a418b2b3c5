package dev.cutpoint.toxiproxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/** One connection the proxy opened to the {@link LoopbackUpstream}: what arrived, how it ended. */
final class UpstreamConnection implements AutoCloseable {
  private final Socket socket;
  private final boolean echo;
  private final Thread reader;
  private final ByteArrayOutputStream received = new ByteArrayOutputStream(); // guarded by this
  private int reads; // guarded by this
  private End end = End.OPEN; // guarded by this

  UpstreamConnection(Socket socket, boolean echo) {
    this.socket = socket;
    this.echo = echo;
    this.reader = new Thread(this::read, "upstream-read " + socket.getPort());
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    byte[] buffer = new byte[8192];
    try {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      while (true) {
        int n = in.read(buffer);
        if (n < 0) {
          ended(End.FIN);
          return;
        }
        synchronized (this) {
          received.write(buffer, 0, n);
          reads++;
          notifyAll();
        }
        if (echo) {
          out.write(buffer, 0, n);
        }
      }
    } catch (SocketException e) {
      ended(String.valueOf(e.getMessage()).contains("reset") ? End.RST : End.FIN);
    } catch (IOException e) {
      ended(End.FIN);
    }
  }

  private synchronized void ended(End how) {
    if (end == End.OPEN) {
      end = how;
    }
    notifyAll();
  }

  void send(String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
  }

  /** Closes this side (a FIN towards the proxy). */
  @Override
  public void close() throws IOException {
    socket.close();
  }

  synchronized byte[] received() {
    return received.toByteArray();
  }

  synchronized String receivedText() {
    return received.toString(StandardCharsets.ISO_8859_1);
  }

  synchronized int reads() {
    return reads;
  }

  /** Waits until at least {@code n} bytes have arrived; returns what has, in any case. */
  synchronized byte[] awaitBytes(int n, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (received.size() < n && end == End.OPEN) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return Arrays.copyOf(received.toByteArray(), received.size());
  }

  /** Waits for the end; {@link End#OPEN} if it did not come in time. */
  synchronized End awaitEnd(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (end == End.OPEN) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return end;
  }

  synchronized Observation observation() {
    return new Observation(received.toByteArray(), end);
  }
}
