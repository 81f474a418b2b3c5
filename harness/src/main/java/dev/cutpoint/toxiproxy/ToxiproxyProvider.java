package dev.cutpoint.toxiproxy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;

/**
 * A Toxiproxy server for the harness (SPEC §4.1), whichever one answers: the embedded server, an
 * external one, or a {@code toxiproxy-server} binary started for the run. The harness only talks
 * to it through toxiproxy-java. Closing releases whatever the provider started.
 *
 * <pre>{@code
 * try (ToxiproxyProvider toxiproxy = ToxiproxyProviders.open(Optional.empty())) {
 *   Proxy proxy = toxiproxy.createProxy("bzr", serverPort);
 *   InetSocketAddress dial = toxiproxy.endpoint(proxy);       // the client connects here
 *   proxy.toxics().limitData("cut", ToxicDirection.UPSTREAM, 17);   // arm
 *   proxy.toxics().get("cut").remove();                             // disarm
 * }
 * }</pre>
 */
public interface ToxiproxyProvider extends AutoCloseable {

  /** One line for logs and reports, e.g. "embedded 2.12.0-cutpoint at http://127.0.0.1:41234". */
  String description();

  /** The API's base URL. */
  URI url();

  ToxiproxyClient client();

  /** The server's version as its API reports it, JSON or plain text alike; "unknown (why)" if it will not say. */
  default String version() {
    try {
      return ServerVersion.fetch(url());
    } catch (ToxiproxyUnavailableException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  /** The host proxies dial to reach a service the harness runs on this machine. */
  default String upstreamHost() {
    return "127.0.0.1";
  }

  /** The host proxies listen on, which is also the host clients dial. */
  default String listenHost() {
    return "127.0.0.1";
  }

  /** A proxy to {@code upstreamHost():upstreamPort} on a free port. */
  default Proxy createProxy(String name, int upstreamPort) throws IOException {
    return client().createProxy(name, listenHost() + ":0", upstreamHost() + ":" + upstreamPort);
  }

  /** What its black holes swallow, where the provider can see it (the embedded server only). */
  default Optional<BlackHoleMeter> blackHoles() {
    return Optional.empty();
  }

  /**
   * The extension toxics that cut at any byte (SPEC §4.2), where the server has them (the embedded
   * server only; a real Toxiproxy has Shopify's seven toxics).
   */
  default Optional<ToxicExtensions> extensions() {
    return Optional.empty();
  }

  /** Where a client connects to go through {@code proxy}. */
  default InetSocketAddress endpoint(Proxy proxy) {
    String listen = proxy.getListen();
    int port = Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    return new InetSocketAddress(listenHost(), port);
  }

  @Override
  void close();
}
