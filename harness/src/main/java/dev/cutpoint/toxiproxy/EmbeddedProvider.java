package dev.cutpoint.toxiproxy;

import dev.cutpoint.toxiproxy.embedded.toxic.BlackHoles;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/** The embedded server on a free loopback port, stopped on close. */
final class EmbeddedProvider implements ToxiproxyProvider {
  private final EmbeddedToxiproxy server;
  private final ToxiproxyClient client;

  private EmbeddedProvider(EmbeddedToxiproxy server) {
    this.server = server;
    this.client = new ToxiproxyClient("127.0.0.1", server.address().getPort());
  }

  static EmbeddedProvider start() throws IOException {
    return new EmbeddedProvider(EmbeddedToxiproxy.start("127.0.0.1", 0));
  }

  @Override
  public String description() {
    return "embedded " + EmbeddedToxiproxy.VERSION + " at " + url();
  }

  @Override
  public URI url() {
    return server.url();
  }

  @Override
  public ToxiproxyClient client() {
    return client;
  }

  @Override
  public Optional<BlackHoleMeter> blackHoles() {
    return Optional.of(BlackHoles.INSTANCE);
  }

  @Override
  public Optional<ToxicExtensions> extensions() {
    return Optional.of(new ToxicExtensions(url()));
  }

  @Override
  public void close() {
    server.close();
  }
}
