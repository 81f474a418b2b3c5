package dev.cutpoint.client;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A {@code bzr://HOST[:PORT]/} URL: where a smart server listens. Only the server's root is
 * accepted, because the client sends paths as the verbs' arguments, unchanged.
 */
public record BzrUrl(String host, int port) {

  /** The port registered with IANA for bzr://, Breezy's {@code BZR_DEFAULT_PORT}. */
  public static final int DEFAULT_PORT = 4155;

  public BzrUrl {
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("a bzr URL needs a host");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is out of range 1-65535");
    }
  }

  /** Parses {@code text}, or an {@link IllegalArgumentException} saying what is wrong with it. */
  public static BzrUrl parse(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + text + "' is not a URL: " + e.getReason());
    }
    if (!"bzr".equals(uri.getScheme())) {
      throw new IllegalArgumentException("'" + text + "' is not a bzr:// URL");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("'" + text + "' has no host (expected bzr://HOST:PORT/)");
    }
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("'" + text + "' has parts a bzr URL does not take");
    }
    String path = uri.getRawPath();
    if (path != null && !path.isEmpty() && !path.equals("/")) {
      throw new IllegalArgumentException(
          "'" + text + "' names a path; give the server's root and pass paths as arguments");
    }
    return new BzrUrl(uri.getHost(), uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort());
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(host, port);
  }

  @Override
  public String toString() {
    return "bzr://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/";
  }
}
