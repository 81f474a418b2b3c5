package dev.cutpoint.cli;

import dev.cutpoint.server.ConnectionListener;
import dev.cutpoint.server.DirectoryStore;
import dev.cutpoint.server.MemoryStore;
import dev.cutpoint.server.ServerConfig;
import dev.cutpoint.server.SmartServer;
import dev.cutpoint.server.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cutpoint serve}: the reference smart server (SPEC §3.3) until stopped. Ctrl-C (or any
 * termination signal the JVM handles) closes every connection before the process exits.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run the reference bzr smart server (protocol v3), on loopback unless --host says otherwise.")
public final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommandSupport support;

  @Option(names = "--port", required = true, paramLabel = "P", description = "TCP port; 0 picks a free one.")
  int port;

  @Option(names = "--directory", paramLabel = "D", description = "The directory to serve (required unless --in-memory).")
  Path directory;

  @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--in-memory", description = "Serve an empty tree kept in memory instead of a directory.")
  boolean inMemory;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (!CommandSupport.isPort(port)) {
      return support.fail(CommandSupport.notAPort("--port", port));
    }
    if (inMemory == (directory != null)) {
      return support.fail("give exactly one of --directory D and --in-memory");
    }
    if (directory != null && !Files.isDirectory(directory)) {
      return support.fail("--directory " + directory + " is not an existing directory");
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      return support.fail("--host " + host + " is not a known address");
    }
    SmartServer server;
    try {
      Store store = inMemory ? new MemoryStore() : new DirectoryStore(directory);
      server = SmartServer.start(store, ServerConfig.loopback().withHost(address).withPort(port).withListener(log(out)));
    } catch (IOException e) {
      return support.fail("cannot serve on " + host + ":" + port + ": " + e.getMessage());
    }
    return support.serveUntilStopped(server, "serving " + (inMemory ? "an in-memory tree" : directory.toAbsolutePath())
        + " on bzr://" + server.address().getAddress().getHostAddress() + ":" + server.port() + "/");
  }

  /** One line per connection, when it ends: who it was and why it ended. */
  private static ConnectionListener log(PrintWriter out) {
    Map<String, InetSocketAddress> remotes = new ConcurrentHashMap<>();
    return new ConnectionListener() {
      @Override
      public void opened(String connectionId, InetSocketAddress remote) {
        remotes.put(connectionId, remote);
      }

      @Override
      public void closed(String connectionId, CloseReason reason) {
        InetSocketAddress remote = remotes.remove(connectionId);
        synchronized (out) {
          out.println("connection " + connectionId + " from " + remote.getAddress().getHostAddress() + ":"
              + remote.getPort() + " closed: " + reason.name().toLowerCase().replace('_', ' '));
          out.flush();
        }
      }
    };
  }
}
