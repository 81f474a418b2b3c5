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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reference smart server (SPEC §3.3): a pooled thread per connection, a request executed
 * only once its terminal {@code e} has arrived, a journal of what ran, confinement to its store,
 * and a graceful restart that closes every connection between requests — bug 819604's live
 * upgrade, produced by the server itself.
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
  private static final String IDLE_NAME = "cutpoint-server-idle";

  /**
   * Connections run on pooled threads: a case opens several short connections, and starting a
   * thread for each (with the direct buffers the JDK caches per thread for socket reads) cost more
   * CPU than serving it. Shared by every server in the JVM; idle threads end after a minute.
   */
  private static final ExecutorService CONNECTION_THREADS =
      new ThreadPoolExecutor(
          0,
          Integer.MAX_VALUE,
          60,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          task -> {
            Thread thread = new Thread(task, IDLE_NAME);
            thread.setDaemon(true);
            return thread;
          });

  private final ServerSocket serverSocket;
  private final RequestExecutor executor;
  private final ServerConfig config;
  /** The open connections, each with the latch its task counts down as its very last act. */
  private final Map<ServerConnection, CountDownLatch> connections = new ConcurrentHashMap<>();
  /**
   * Every connection task not yet finished. A connection leaves {@link #connections} in its last
   * lines and its task runs on for a moment after; close() must wait for it too, or a task
   * outlives the server.
   */
  private final Set<CountDownLatch> running = ConcurrentHashMap.newKeySet();
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
   * Waits until no connection is open: each one's task is waited for as it ends, without polling.
   *
   * @param safetyNet the longest real time to wait, a bound against a client that never closes
   * @return whether none is open
   */
  public boolean awaitNoConnections(Duration safetyNet) {
    long deadline = System.nanoTime() + safetyNet.toNanos();
    while (!connections.isEmpty()) {
      for (CountDownLatch done : new ArrayList<>(connections.values())) {
        if (!await(done, deadline)) {
          return connections.isEmpty();
        }
      }
    }
    return true;
  }

  /**
   * Closes every connection open now at its next point between requests — an idle one at once, one
   * in the middle of a request after its response is written — and keeps accepting new ones.
   * Waits up to {@code wait} for them to close; returns how many are still open (a client that
   * never finishes its request keeps its connection).
   */
  public int gracefulRestart(Duration wait) {
    List<Map.Entry<ServerConnection, CountDownLatch>> old =
        new ArrayList<>(connections.entrySet());
    old.forEach(entry -> entry.getKey().requestRestart());
    long deadline = System.nanoTime() + wait.toNanos();
    int stillOpen = 0;
    for (Map.Entry<ServerConnection, CountDownLatch> entry : old) {
      if (!await(entry.getValue(), deadline)) {
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
      CountDownLatch done = new CountDownLatch(1);
      running.add(done);
      connections.put(connection, done);
      if (closed) {
        connection.shutdown();
      }
      try {
        CONNECTION_THREADS.execute(() -> serve(connection, done));
      } catch (RuntimeException | Error noThread) {
        connections.remove(connection);
        connection.shutdown();
        running.remove(done);
        done.countDown();
        throw noThread;
      }
    }
  }

  /** Runs on a pooled thread, named after the connection while it serves it. */
  private void serve(ServerConnection connection, CountDownLatch done) {
    Thread thread = Thread.currentThread();
    thread.setName("cutpoint-server-" + port() + "-" + connection.id());
    try {
      connection.run();
    } finally {
      connections.remove(connection);
      thread.setName(IDLE_NAME);
      done.countDown();
      running.remove(done);
    }
  }

  /** Stops accepting, closes every connection and waits for every connection's task to end. */
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
    connections.keySet().forEach(ServerConnection::shutdown);
    running.forEach(done -> await(done, deadline));
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

  private static boolean await(CountDownLatch done, long deadlineNanos) {
    try {
      return done.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return done.getCount() == 0;
    }
  }
}
