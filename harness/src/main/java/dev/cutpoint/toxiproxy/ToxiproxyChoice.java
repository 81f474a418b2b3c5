package dev.cutpoint.toxiproxy;

import dev.cutpoint.toxiproxy.ToxiproxyChoiceException.Problem;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/** Which Toxiproxy server a run uses, as parsed from its setting; {@link #open} starts it. */
public sealed interface ToxiproxyChoice {

  /** Starts (or connects to) the server. */
  ToxiproxyProvider open() throws IOException;

  /** The embedded server of SPEC §4.2 on a free loopback port: needs nothing installed. */
  record Embedded() implements ToxiproxyChoice {
    @Override
    public ToxiproxyProvider open() throws IOException {
      return EmbeddedProvider.start();
    }
  }

  /** A server someone else runs. */
  record External(URI url) implements ToxiproxyChoice {
    @Override
    public ToxiproxyProvider open() throws IOException {
      return ExternalProvider.connect(url);
    }

    /** Asks the server its version now: whether it answers, before a run depends on it. */
    public String version() throws ToxiproxyUnavailableException {
      return ServerVersion.fetch(url);
    }
  }

  /** Shopify's {@code toxiproxy-server}, started on a free port for the run. */
  record ServerBinary(Path binary) implements ToxiproxyChoice {
    @Override
    public ToxiproxyProvider open() throws IOException {
      return ServerBinaryProvider.start(binary);
    }
  }

  /** Toxiproxy's own default API port, when a URL gives none. */
  int DEFAULT_PORT = 8474;

  /** Reads one setting's value; {@code setting} is its name, for the error message. */
  static ToxiproxyChoice parse(String setting, String value) {
    String trimmed = value.trim();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (lower.equals("embedded")) {
      return new Embedded();
    }
    if (lower.equals("docker") || lower.equals("testcontainers") || lower.startsWith("docker:")) {
      throw new ToxiproxyChoiceException(setting, value, Problem.DOCKER_UNAVAILABLE);
    }
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return new External(url(setting, value, trimmed));
    }
    Path path;
    try {
      path = Path.of(trimmed);
    } catch (InvalidPathException e) {
      throw new ToxiproxyChoiceException(setting, value, Problem.UNRECOGNISED);
    }
    if (Files.isRegularFile(path) && Files.isExecutable(path)) {
      return new ServerBinary(path.toAbsolutePath());
    }
    boolean looksLikePath = trimmed.contains("/") || Files.exists(path);
    throw new ToxiproxyChoiceException(
        setting, value, looksLikePath ? Problem.NOT_EXECUTABLE : Problem.UNRECOGNISED);
  }

  private static URI url(String setting, String value, String text) {
    try {
      URI uri = new URI(text);
      boolean bare = uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/");
      if (uri.getHost() == null || !bare || uri.getQuery() != null) {
        throw new ToxiproxyChoiceException(setting, value, Problem.BAD_URL);
      }
      int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
      return new URI(uri.getScheme(), null, uri.getHost(), port, null, null, null);
    } catch (URISyntaxException e) {
      throw new ToxiproxyChoiceException(setting, value, Problem.BAD_URL);
    }
  }
}
