package dev.cutpoint.toxiproxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The service behind a proxy in the conformance suite: an echo or a sink on a loopback port. */
final class LoopbackUpstream implements AutoCloseable {

  enum Mode {
    /** Sends back what it receives. */
    ECHO,
    /** Keeps what it receives. */
    SINK
  }

  private final ServerSocket server;
  private final Mode mode;
  private final BlockingQueue<UpstreamConnection> accepted = new LinkedBlockingQueue<>();
  private final List<UpstreamConnection> all = new ArrayList<>();
  private final Thread acceptor;

  LoopbackUpstream(Mode mode) throws IOException {
    this.mode = mode;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::accept, "upstream-accept " + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** The next connection the proxy opened to this upstream. */
  UpstreamConnection nextConnection(Duration timeout) throws InterruptedException {
    UpstreamConnection connection = accepted.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (connection == null) {
      throw new AssertionError("no connection reached the upstream within " + timeout);
    }
    return connection;
  }

  /** Whether a connection arrives within the wait (for checks that none does). */
  boolean connectionArrives(Duration wait) throws InterruptedException {
    UpstreamConnection connection = accepted.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    return connection != null;
  }

  private void accept() {
    while (true) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException closed) {
        return;
      }
      UpstreamConnection connection = new UpstreamConnection(socket, mode == Mode.ECHO);
      synchronized (all) {
        all.add(connection);
      }
      accepted.add(connection);
    }
  }

  @Override
  public void close() throws Exception {
    server.close();
    acceptor.join(5_000);
    List<UpstreamConnection> connections;
    synchronized (all) {
      connections = List.copyOf(all);
    }
    for (UpstreamConnection connection : connections) {
      connection.close();
    }
  }
}
