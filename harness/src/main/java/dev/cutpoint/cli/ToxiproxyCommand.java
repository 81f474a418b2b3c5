package dev.cutpoint.cli;

import dev.cutpoint.toxiproxy.EmbeddedToxiproxy;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cutpoint toxiproxy}: the embedded Toxiproxy-compatible server (SPEC §4.2) until stopped,
 * for toxiproxy-cli, toxiproxy-java or any other Toxiproxy client. Ctrl-C closes every proxy.
 */
@Command(
    name = "toxiproxy",
    mixinStandardHelpOptions = true,
    description = "Run the embedded Toxiproxy-compatible server (Toxiproxy's HTTP API and toxics).")
public final class ToxiproxyCommand implements Callable<Integer> {

  @Mixin CommandSupport support;

  @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1",
      description = "Address the API listens on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", paramLabel = "P", defaultValue = "8474",
      description = "API port, 0 for a free one (default: ${DEFAULT-VALUE}, Toxiproxy's).")
  int port;

  @Override
  public Integer call() {
    if (!CommandSupport.isPort(port)) {
      return support.fail(CommandSupport.notAPort("--port", port));
    }
    EmbeddedToxiproxy server;
    try {
      server = EmbeddedToxiproxy.start(host, port);
    } catch (IOException | IllegalArgumentException e) {
      return support.fail("cannot listen on " + host + ":" + port + ": " + e.getMessage());
    }
    return support.serveUntilStopped(server, "toxiproxy API (" + EmbeddedToxiproxy.VERSION + ") on " + server.url());
  }
}
