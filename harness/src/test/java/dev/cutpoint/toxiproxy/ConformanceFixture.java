package dev.cutpoint.toxiproxy;

import eu.rekawek.toxiproxy.Proxy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The conformance suite's frame: one Toxiproxy per test class, from whichever provider
 * {@code cutpoint.toxiproxy} names (the embedded server by default), and per test a loopback
 * upstream with a proxy in front of it. Everything a test opens is closed after it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConformanceFixture {
  static final Duration PROMPTLY = Duration.ofSeconds(5);
  /** How long "nothing happens" is watched for. */
  static final Duration QUIET = Duration.ofMillis(300);

  private static final AtomicInteger NAMES = new AtomicInteger();

  ToxiproxyProvider toxiproxy;
  private final List<AutoCloseable> opened = new ArrayList<>();
  private final List<String> proxies = new ArrayList<>();

  @BeforeAll
  void openToxiproxy() throws IOException {
    toxiproxy = ToxiproxyProviders.open(Optional.empty());
  }

  @AfterAll
  void closeToxiproxy() {
    toxiproxy.close();
  }

  @AfterEach
  void closeEverything() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
    opened.clear();
    for (String name : proxies) {
      Optional.ofNullable(toxiproxy.client().getProxyOrNull(name)).ifPresent(this::delete);
    }
    proxies.clear();
  }

  /** A proxy in front of a fresh upstream. */
  Proxied proxyTo(LoopbackUpstream.Mode mode) throws IOException {
    LoopbackUpstream upstream = closeAfter(new LoopbackUpstream(mode));
    String name = uniqueName();
    Proxy proxy = toxiproxy.createProxy(name, upstream.port());
    return new Proxied(proxy, upstream);
  }

  String uniqueName() {
    String name = getClass().getSimpleName() + "-" + NAMES.incrementAndGet();
    proxies.add(name);
    return name;
  }

  ClientConnection connect(Proxy proxy) throws IOException {
    return closeAfter(new ClientConnection(toxiproxy.endpoint(proxy)));
  }

  <T extends AutoCloseable> T closeAfter(T closeable) {
    opened.add(closeable);
    return closeable;
  }

  private void delete(Proxy proxy) {
    try {
      proxy.delete();
    } catch (IOException e) {
      throw new AssertionError("could not delete proxy " + proxy.getName(), e);
    }
  }

  /** A proxy and the upstream behind it. */
  record Proxied(Proxy proxy, LoopbackUpstream upstream) {
    UpstreamConnection upstreamConnection() throws InterruptedException {
      UpstreamConnection connection = upstream.nextConnection(PROMPTLY);
      return connection;
    }
  }
}
