package dev.cutpoint.report;

/**
 * Which Toxiproxy server injected the faults (SPEC §4.1).
 *
 * @param name {@code embedded}, {@code external http://host:port}, {@code binary /path/to/toxiproxy-server}, …
 * @param version the version its {@code GET /version} answered
 */
public record ProxyProvider(String name, String version) {
  public ProxyProvider {
    Checks.text("name", name);
    Checks.text("version", version);
  }

  /** The provider in one line, naming its version once (an embedded server's name carries it). */
  public String line() {
    return name.contains(version) ? name : name + " " + version;
  }
}
