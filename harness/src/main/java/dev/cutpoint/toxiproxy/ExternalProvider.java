package dev.cutpoint.toxiproxy;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.URI;

/**
 * A Toxiproxy server that someone else runs. It must answer {@code GET /version} now; closing
 * leaves it running, with whatever proxies the run left on it.
 */
final class ExternalProvider implements ToxiproxyProvider {
  private final URI url;
  private final String version;
  private final ToxiproxyClient client;

  private ExternalProvider(URI url, String version) {
    this.url = url;
    this.version = version;
    this.client = new ToxiproxyClient(url.getScheme(), url.getHost(), url.getPort());
  }

  static ExternalProvider connect(URI url) throws IOException {
    return new ExternalProvider(url, ServerVersion.fetch(url));
  }

  @Override
  public String description() {
    return "external Toxiproxy " + version + " at " + url;
  }

  @Override
  public URI url() {
    return url;
  }

  @Override
  public ToxiproxyClient client() {
    return client;
  }

  /** The proxies listen where the server runs. */
  @Override
  public String listenHost() {
    return url.getHost();
  }

  @Override
  public void close() {
    // not ours to stop
  }
}
