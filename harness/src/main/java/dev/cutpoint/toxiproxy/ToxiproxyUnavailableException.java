package dev.cutpoint.toxiproxy;

import java.io.IOException;
import java.net.URI;

/** The chosen Toxiproxy server does not answer, or its binary would not start. */
public final class ToxiproxyUnavailableException extends IOException {
  private static final long serialVersionUID = 1L;

  private final URI url;

  public ToxiproxyUnavailableException(URI url, String why) {
    super("no Toxiproxy answers at " + url + ": " + why);
    this.url = url;
  }

  public URI url() {
    return url;
  }
}
