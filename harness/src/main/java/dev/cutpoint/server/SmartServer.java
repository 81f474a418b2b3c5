package dev.cutpoint.server;

import dev.cutpoint.history.ServerState;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reference smart server (SPEC §3.3): a thread per connection, a request executed only once
 * its terminal {@code e} has arrived, a journal of what ran, confinement to its store, and a
 * graceful restart that closes every connection between requests — bug 819604's live upgrade,
 * produced by the server itself.
 *
 * <pre>{@code
 * try (SmartServer server = SmartServer.start(new MemoryStore(), ServerConfig.loopback())) {
 *   ... connect to server.address() ...
 *   server.gracefulRestart(Duration.ofSeconds(5));
 *   Journal journal = server.journal().snapshot();
 * }
 * }</pre>
 */
public final class SmartServer implements AutoCloseable {

  private static final Duration JOIN_DEADLINE = Duration.ofSeconds(5);

  private final ServerSocket serverSocket;
  private final RequestExecutor executor;
  private final ServerConfig config;
  private final Map<ServerConnection, Thread> connections = new ConcurrentHashMap<>();
  /**
   * Every connection thread not yet joined. A thread leaves {@link #connections} in its last
   * lines and is still alive for a moment after; close() must wait for it too, or a thread outlives
   * the server.
   */
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  private final AtomicLong connectionCounter = new AtomicLong();
  private final Thread acceptor;
  private volatile boolean closed;

  private SmartServer(ServerSocket serverSocket, Store store, ServerConfig config) {
    this.serverSocket = serverSocket;
    this.executor = new RequestExecutor(store);
    this.config = config;
    this.acceptor = new Thread(this::acceptLoop, "cutpoint-server-" + serverSocket.getLocalPort());
    this.acceptor.setDaemon(true);
  }

  /** Binds and starts serving {@code store}. */
  public static SmartServer start(Store store, ServerConfig config) throws IOException {
    ServerSocket socket = new ServerSocket();
    try {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(config.host(), config.port()));
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    SmartServer server = new SmartServer(socket, store, config);
    server.acceptor.start();
    return server;
  }

  public int port() {
    return serverSocket.getLocalPort();
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(serverSocket.getInetAddress(), serverSocket.getLocalPort());
  }

  public ServerJournal journal() {
    return executor.journal();
  }

  /** The files and the held locks, taken between two requests. */
  public ServerState state() throws VfsError {
    return executor.state();
  }

  /**
   * Puts the files, the locks and the journal back to {@code initial}, keeping the listening socket:
   * the driver reuses one server across many cases. Call between requests.
   */
  public void reset(ServerState initial) throws VfsError {
    executor.reset(initial);
  }

  /** How many connections are open now. */
  public int openConnections() {
    return connections.size();
  }

  /**
   * Closes every connection open now at its next point between requests — an idle one at once, one
   * in the middle of a request after its response is written — and keeps accepting new ones.
   * Waits up to {@code wait} for them to close; returns how many are still open (a client that
   * never finishes its request keeps its connection).
   */
  public int gracefulRestart(Duration wait) {
    List<Map.Entry<ServerConnection, Thread>> old = new ArrayList<>(connections.entrySet());
    old.forEach(entry -> entry.getKey().requestRestart());
    long deadline = System.nanoTime() + wait.toNanos();
    int stillOpen = 0;
    for (Map.Entry<ServerConnection, Thread> entry : old) {
      if (!join(entry.getValue(), deadline)) {
        stillOpen++;
      }
    }
    return stillOpen;
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (SocketException e) {
        return;
      } catch (IOException e) {
        continue;
      }
      ServerConnection connection =
          new ServerConnection("c" + connectionCounter.incrementAndGet(), socket, executor, config);
      Thread thread = new Thread(() -> {
        try {
          connection.run();
        } finally {
          connections.remove(connection);
        }
      }, "cutpoint-server-" + port() + "-" + connection.id());
      thread.setDaemon(true);
      threads.removeIf(t -> !t.isAlive());
      threads.add(thread);
      connections.put(connection, thread);
      if (closed) {
        connection.shutdown();
      }
      thread.start();
    }
  }

  /** Stops accepting, closes every connection and waits for every thread to end. */
  @Override
  public void close() {
    closed = true;
    try {
      serverSocket.close();
    } catch (IOException ignored) {
      // the listening socket is being discarded either way
    }
    long deadline = System.nanoTime() + JOIN_DEADLINE.toNanos();
    join(acceptor, deadline);
    List<Map.Entry<ServerConnection, Thread>> open = new ArrayList<>(connections.entrySet());
    open.forEach(entry -> entry.getKey().shutdown());
    threads.forEach(thread -> join(thread, deadline));
  }

  private static boolean join(Thread thread, long deadlineNanos) {
    try {
      long left = deadlineNanos - System.nanoTime();
      if (left > 0) {
        thread.join(Math.max(1, left / 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return !thread.isAlive();
  }
}
