package eu.rekawek.toxiproxy;

import java.net.URI;

/**
 * The one door we open into toxiproxy-java: its {@link HttpClient} is public but only its own
 * package can make one, and its typed toxic list knows only Toxiproxy's seven toxics. With this,
 * the embedded server's extension toxics go through the same client and the same HTTP API as every
 * other toxic ({@code dev.cutpoint.toxiproxy.ToxicExtensions}).
 */
public final class HttpClients {

  private HttpClients() {}

  /** A client of the Toxiproxy API at {@code url} ({@code http://host:port}). */
  public static HttpClient of(URI url) {
    return new HttpClient(url.getScheme(), url.getHost(), url.getPort());
  }
}
