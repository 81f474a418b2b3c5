package dev.cutpoint.fault;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server that never answers: it records the bytes each connection delivers until the peer
 * closes, so a test can see exactly how much of a request reached "the server".
 */
final class RecordingUpstream implements AutoCloseable {

  /** One accepted connection: its bytes once it has ended. */
  record Received(int index, CompletableFuture<byte[]> bytes) {}

  private final ServerSocket listener;
  private final List<Received> connections = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  RecordingUpstream() throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::accept, "recording-upstream");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
  }

  /** The connections accepted so far, in order. */
  List<Received> connections() {
    return new ArrayList<>(connections);
  }

  private void accept() {
    while (!listener.isClosed()) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        return;
      }
      sockets.add(socket);
      Received received = new Received(connections.size(), new CompletableFuture<>());
      connections.add(received);
      Thread reader = new Thread(() -> read(socket, received), "recording-upstream-" + received.index());
      reader.setDaemon(true);
      reader.start();
    }
  }

  private static void read(Socket socket, Received received) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (socket; InputStream in = socket.getInputStream()) {
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        bytes.write(buffer, 0, n);
      }
    } catch (IOException e) {
      // a reset ends the connection as a close does; what arrived before it counts
    }
    received.bytes().complete(bytes.toByteArray());
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket socket : sockets) {
      socket.close();
    }
    try {
      acceptor.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
