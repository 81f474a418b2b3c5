package dev.cutpoint.drive.target;

import dev.cutpoint.drive.Mutant;
import dev.cutpoint.drive.Requests;
import dev.cutpoint.history.Journal;
import dev.cutpoint.history.Request;
import dev.cutpoint.history.ServerState;
import dev.cutpoint.server.DryRun;
import dev.cutpoint.server.MemoryStore;
import dev.cutpoint.server.ServerConfig;
import dev.cutpoint.server.SmartServer;
import dev.cutpoint.server.VfsError;
import dev.cutpoint.wire.BList;
import dev.cutpoint.wire.Message;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The reference server (in memory, loopback, with its journal) as the server of the {@code
 * breezy-client} target. Branch locks need no branch on disk there.
 */
public final class ReferenceServer implements CaseServer {

  /**
   * How long connections may take to close, after a case or at a restart: a safety net, not a
   * guess (the client has finished its request by then, so they close at once).
   */
  private static final Duration SAFETY_NET = Duration.ofSeconds(30);

  private final SmartServer server;
  private final DryRun dryRun = new DryRun();

  private ReferenceServer(SmartServer server) {
    this.server = server;
  }

  /** Starts the server, with the {@code server-executes-partial} switch when the mutant says so. */
  public static ReferenceServer start(Mutant mutant) throws IOException {
    ServerConfig config = ServerConfig.loopback();
    return new ReferenceServer(SmartServer.start(
        new MemoryStore(), mutant.serverExecutesPartial() ? config.executingPartialMessages() : config));
  }

  @Override
  public InetSocketAddress address() {
    return server.address();
  }

  @Override
  public boolean hasJournal() {
    return true;
  }

  @Override
  public boolean hasInsertStream() {
    return true;
  }

  /** SPEC §3.3: it runs a request only after its terminal byte. */
  @Override
  public boolean answersIncompleteMessages() {
    return false;
  }

  @Override
  public void reset(ServerState initial, Set<String> branches) throws IOException {
    try {
      server.reset(initial);
    } catch (VfsError e) {
      throw new IOException("the reference server could not be reset", e);
    }
  }

  @Override
  public Optional<Journal> journal() {
    return Optional.of(server.journal().snapshot());
  }

  /** In process: a scratch copy of the server answers, with no socket, thread or proxy. */
  @Override
  public Optional<List<Long>> responseLengths(ServerState initial, List<Request> requests) throws IOException {
    List<Message> messages = new ArrayList<>();
    for (Request request : requests) {
      List<String> args = new ArrayList<>();
      args.add(request.verb());
      args.addAll(request.args());
      messages.add(Message.request(BList.ofStrings(args.toArray(String[]::new)), Requests.chunks(request.body())));
    }
    try {
      return Optional.of(dryRun.responseLengths(initial, messages));
    } catch (VfsError e) {
      throw new IOException("the reference server's dry run could not lay out the initial state", e);
    }
  }

  @Override
  public boolean awaitExecuted(int entries, Duration safetyNet) throws InterruptedException {
    return server.journal().awaitSize(entries, safetyNet);
  }

  @Override
  public ServerState state(Set<String> branches) throws IOException {
    try {
      return server.state();
    } catch (VfsError e) {
      throw new IOException("the reference server could not list its state", e);
    }
  }

  @Override
  public int restart() {
    int open = server.openConnections();
    return open - server.gracefulRestart(SAFETY_NET);
  }

  @Override
  public void awaitQuiet() throws IOException {
    if (!server.awaitNoConnections(SAFETY_NET)) {
      int open = server.openConnections();
      server.gracefulRestart(Duration.ofSeconds(1));
      throw new IOException(open + " connection(s) of the reference server still open "
          + SAFETY_NET.toSeconds() + " s after the case");
    }
  }

  @Override
  public String description() {
    return "the reference server at " + server.address().getHostString() + ":" + server.port();
  }

  @Override
  public void close() {
    server.close();
  }
}
