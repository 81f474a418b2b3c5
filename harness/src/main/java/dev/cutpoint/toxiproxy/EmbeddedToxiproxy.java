package dev.cutpoint.toxiproxy;

import dev.cutpoint.toxiproxy.embedded.ProxyRegistry;
import dev.cutpoint.toxiproxy.embedded.api.HttpApi;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * The embedded Toxiproxy-compatible server (SPEC §4.2): its proxies and its HTTP API, usable by
 * toxiproxy-java, toxiproxy-cli or any Toxiproxy client.
 */
public final class EmbeddedToxiproxy implements AutoCloseable {
  /** The Toxiproxy release whose API and toxics this server follows. */
  public static final String VERSION = "2.12.0-cutpoint";

  private final ProxyRegistry proxies;
  private final HttpApi api;

  private EmbeddedToxiproxy(ProxyRegistry proxies, HttpApi api) {
    this.proxies = proxies;
    this.api = api;
  }

  /** Starts the API on {@code host:port}; port 0 takes a free port (see {@link #address()}). */
  public static EmbeddedToxiproxy start(String host, int port) throws IOException {
    ProxyRegistry proxies = new ProxyRegistry();
    HttpApi api = HttpApi.start(new InetSocketAddress(host, port), proxies, VERSION);
    return new EmbeddedToxiproxy(proxies, api);
  }

  public InetSocketAddress address() {
    return api.address();
  }

  /** The API's base URL, e.g. {@code http://127.0.0.1:8474}. */
  public URI url() {
    InetSocketAddress address = address();
    return URI.create("http://" + address.getHostString() + ":" + address.getPort());
  }

  public ProxyRegistry proxies() {
    return proxies;
  }

  /** Stops the API, then every proxy and link. */
  @Override
  public void close() {
    api.close();
    proxies.close();
  }
}
