package dev.cutpoint.toxiproxy.embedded;

import dev.cutpoint.toxiproxy.embedded.ToxiproxyException.Reason;
import dev.cutpoint.toxiproxy.embedded.toxic.LinkThreads;
import dev.cutpoint.toxiproxy.embedded.toxic.Stage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A named proxy: listens, and for each client it accepts dials the upstream and opens a
 * {@link Link} through its toxics (Toxiproxy's Proxy). Disabling it closes the listener and every
 * link; new connections are refused until it is enabled again.
 */
public final class Proxy {

  private final String name;
  private final ToxicCollection toxics = new ToxicCollection();
  private final Set<Link> links = ConcurrentHashMap.newKeySet();

  // guarded by this
  private String listen;
  private String upstream;
  private boolean enabled;
  private ServerSocketChannel listener;
  /** Counted down when the acceptor has returned; it runs on a pooled thread, not joinable. */
  private CountDownLatch acceptorDone;
  /** The acceptor's dial in progress, which a stop ends. */
  private Dials dials;

  public Proxy(String name, String listen, String upstream) {
    this.name = name;
    this.listen = listen;
    this.upstream = upstream;
  }

  public String name() {
    return name;
  }

  public synchronized ProxyState state() {
    return new ProxyState(name, listen, upstream, enabled);
  }

  public ToxicCollection toxics() {
    return toxics;
  }

  /**
   * Starts listening; once bound, {@code listen} is the real address (port 0 becomes the port the
   * system chose). Returns false when already started.
   */
  public synchronized boolean start() throws ToxiproxyException {
    if (enabled) {
      return false;
    }
    InetSocketAddress bindTo = Addresses.bindAddress(listen);
    Addresses.parse(upstream); // a malformed upstream fails at every connection: say so now
    ServerSocketChannel channel = null;
    try {
      channel = ServerSocketChannel.open();
      channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      channel.bind(bindTo, 128);
      listen = Addresses.format((InetSocketAddress) channel.getLocalAddress());
    } catch (IOException e) {
      if (channel != null) {
        Link.closeQuietly(channel);
      }
      throw ToxiproxyException.of(Reason.LISTEN_FAILED, listen + ": " + e.getMessage());
    }
    listener = channel;
    enabled = true;
    String dialTo = upstream;
    ServerSocketChannel accepting = channel;
    CountDownLatch done = new CountDownLatch(1);
    Dials acceptorDials = new Dials();
    acceptorDone = done;
    dials = acceptorDials;
    try {
      LinkThreads.execute("toxiproxy-proxy " + name, () -> {
        try {
          accept(accepting, dialTo, acceptorDials);
        } finally {
          done.countDown();
        }
      });
    } catch (RuntimeException | Error noThread) {
      enabled = false;
      Link.closeQuietly(channel);
      throw noThread;
    }
    return true;
  }

  /** Stops accepting and closes every link. */
  public synchronized void stop() {
    if (!enabled) {
      return;
    }
    enabled = false;
    Link.closeQuietly(listener);
    dials.stop();
    awaitUninterruptibly(acceptorDone);
    for (Link link : links) {
      link.close();
    }
  }

  /**
   * Toxiproxy's update: a new listen address or upstream restarts the proxy; then it is started or
   * stopped to match {@code enable}.
   */
  public synchronized void update(String newListen, String newUpstream, boolean enable)
      throws ToxiproxyException {
    if (differs(newListen, newUpstream)) {
      stop();
      listen = newListen;
      upstream = newUpstream;
    }
    if (enable != enabled) {
      if (enable) {
        start();
      } else {
        stop();
      }
    }
  }

  /** Whether these addresses name another listener or upstream than this proxy's. */
  public synchronized boolean differs(String otherListen, String otherUpstream)
      throws ToxiproxyException {
    return !listen.equals(Addresses.resolved(otherListen)) || !upstream.equals(otherUpstream);
  }

  public int linkCount() {
    return links.size();
  }

  /**
   * Waits until the acceptor has begun to dial the upstream, for checks that a stop ends a dial
   * in progress; false when none begins within {@code timeout} (or the proxy never started).
   */
  boolean awaitDial(Duration timeout) throws InterruptedException {
    Dials current;
    synchronized (this) {
      current = dials;
    }
    return current != null && current.awaitBegun(timeout.toNanos());
  }

  /** The stages of the live links (readers and toxic stubs), for checks that nothing outlives them. */
  public List<Stage> linkStages() {
    List<Stage> stages = new ArrayList<>();
    links.forEach(link -> stages.addAll(link.stages()));
    return stages;
  }

  private void accept(ServerSocketChannel channel, String dialTo, Dials dials) {
    while (true) {
      SocketChannel client;
      try {
        client = channel.accept();
      } catch (IOException closedByStop) {
        return;
      }
      open(client, dialTo, dials);
    }
  }

  /**
   * Like Toxiproxy, a client whose upstream cannot be reached is simply closed. The dial has no
   * timeout of its own, as Toxiproxy's {@code net.Dial}; a stop closes it instead of waiting for it.
   */
  private void open(SocketChannel client, String dialTo, Dials dials) {
    SocketChannel server = null;
    try {
      String name = client.getRemoteAddress().toString();
      // Go turns Nagle off on every TCP connection; a proxy must not add its delays
      client.setOption(StandardSocketOptions.TCP_NODELAY, true);
      server = SocketChannel.open();
      server.setOption(StandardSocketOptions.TCP_NODELAY, true);
      InetSocketAddress upstreamAddress = Addresses.upstreamAddress(dialTo);
      dials.begin(server);
      try {
        server.connect(upstreamAddress);
      } finally {
        dials.end();
      }
      toxics.open(name, client, server, links::add, links::remove);
    } catch (IOException | ToxiproxyException unreachable) {
      Link.closeQuietly(client);
      if (server != null) {
        Link.closeQuietly(server);
      }
    }
  }

  /**
   * The upstream connection an acceptor is dialling. A timed connect spent about as much CPU
   * around the connect as in it (the socket switched to non-blocking and back, a poll); untimed, a
   * dial to a host that never answers would hold a stop for minutes, so the stop closes it.
   */
  private static final class Dials {
    private SocketChannel dialling;
    private boolean begun;
    private boolean stopped;

    /** Takes note of a dial about to start; fails when the proxy is stopping. */
    synchronized void begin(SocketChannel channel) throws ClosedChannelException {
      if (stopped) {
        throw new ClosedChannelException();
      }
      dialling = channel;
      begun = true;
      notifyAll();
    }

    /** Whether a dial began within {@code nanos}. */
    synchronized boolean awaitBegun(long nanos) throws InterruptedException {
      long deadline = System.nanoTime() + nanos;
      for (long left = nanos; !begun && left > 0; left = deadline - System.nanoTime()) {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return begun;
    }

    synchronized void end() {
      dialling = null;
    }

    /** Ends the dial in progress, if any, and any later one before it starts. */
    synchronized void stop() {
      stopped = true;
      if (dialling != null) {
        Link.closeQuietly(dialling);
      }
    }
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (latch.getCount() > 0) {
      try {
        latch.await();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
