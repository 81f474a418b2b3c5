package dev.cutpoint.cli;

import dev.cutpoint.toxiproxy.EmbeddedToxiproxy;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cutpoint toxiproxy}: the embedded Toxiproxy-compatible server (SPEC §4.2) until stopped,
 * for toxiproxy-cli, toxiproxy-java or any other Toxiproxy client. Ctrl-C closes every proxy.
 */
@Command(
    name = "toxiproxy",
    mixinStandardHelpOptions = true,
    description = "Run the embedded Toxiproxy-compatible server (Toxiproxy's HTTP API and toxics).")
public final class ToxiproxyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1",
      description = "Address the API listens on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", paramLabel = "P", defaultValue = "8474",
      description = "API port, 0 for a free one (default: ${DEFAULT-VALUE}, Toxiproxy's).")
  int port;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      return fail(err, "--port must be between 0 and 65535, was " + port);
    }
    EmbeddedToxiproxy server;
    try {
      server = EmbeddedToxiproxy.start(host, port);
    } catch (IOException | IllegalArgumentException e) {
      return fail(err, "cannot listen on " + host + ":" + port + ": " + e.getMessage());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      out.println("stopped");
      out.flush();
      stopped.countDown();
    }, "cutpoint-toxiproxy-shutdown"));
    out.println("toxiproxy API (" + EmbeddedToxiproxy.VERSION + ") on " + server.url());
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.close();
    }
    return 0;
  }

  private static int fail(PrintWriter err, String message) {
    err.println("cutpoint toxiproxy: " + message);
    err.flush();
    return 2;
  }
}
