package dev.cutpoint.drive.brzserve;

import dev.cutpoint.drive.ServerCommand;
import dev.cutpoint.drive.breezy.BreezyHistory;
import dev.cutpoint.drive.breezy.BreezyInstallation;
import dev.cutpoint.drive.target.CaseServer;
import dev.cutpoint.history.EntryType;
import dev.cutpoint.history.Journal;
import dev.cutpoint.history.Request;
import dev.cutpoint.history.ServerState;
import dev.cutpoint.history.StateEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code brz serve --allow-writes} as the server of the {@code breezy-server} and {@code breezy}
 * targets. No journal: the oracle infers what ran from the final tree's unique payloads and the
 * branch locks' tokens (SPEC §7). A case starts from an emptied directory holding the initial tree
 * and a real branch (copied from one {@code brz init}) wherever the case locks one.
 *
 * <p>BETWEEN restarts the process ({@link StopMode#KILL} by default: the kernel closes the idle
 * connection with FIN, as a graceful stop would, and the restart costs the start of a Python
 * process, about a second, instead of that plus Breezy's one-second poll).
 */
public final class ServedBrz implements CaseServer {

  /** How long brz serve may take to close its connections after a case: a safety net, not a guess. */
  private static final Duration QUIET_SAFETY_NET = Duration.ofSeconds(30);

  private static final Duration START_WAIT = Duration.ofSeconds(30);

  private final BrzServe serve;
  private final StopMode restartMode;

  private ServedBrz(BrzServe serve, StopMode restartMode) {
    this.serve = serve;
    this.restartMode = restartMode;
  }

  /**
   * Starts {@code brz serve} on a free loopback port.
   *
   * @throws BrzServeFailed when it does not come up
   */
  public static ServedBrz start(BreezyInstallation installation, StopMode restartMode) {
    return new ServedBrz(BrzServe.start(installation), restartMode);
  }

  /**
   * Starts the user's own server from {@code command} on a free loopback port; a restart kills it
   * and starts it again.
   *
   * @throws BrzServeFailed when it exits, or does not accept in time
   */
  public static ServedBrz start(BreezyInstallation installation, ServerCommand command) {
    return new ServedBrz(BrzServe.start(installation, command, START_WAIT), StopMode.KILL);
  }

  /** The server process, for stories that restart it themselves. */
  public BrzServe serve() {
    return serve;
  }

  @Override
  public InetSocketAddress address() {
    return new InetSocketAddress(BrzServe.HOST, serve.port());
  }

  @Override
  public boolean hasJournal() {
    return false;
  }

  @Override
  public Optional<List<Long>> responseLengths(ServerState initial, List<Request> requests) {
    return Optional.empty();
  }

  @Override
  public boolean awaitExecuted(int entries, Duration safetyNet) {
    return false;
  }

  /** {@code brz serve} has no {@code insert_stream}: the class {@code stream} is not applicable. */
  @Override
  public boolean hasInsertStream() {
    return false;
  }

  /**
   * A body-less request runs, and its response is sent, as soon as its arguments are decoded
   * (breezy/bzr/smart/message.py:140-145, request.py:382-401), before the terminal {@code e}.
   */
  @Override
  public boolean answersIncompleteMessages() {
    return true;
  }

  @Override
  public void reset(ServerState initial, Set<String> branches) throws IOException {
    serve.clear();
    Path root = serve.directory();
    for (StateEntry entry : initial.entries()) {
      Path path = root.resolve(entry.path());
      if (entry.type() == EntryType.DIRECTORY) {
        Files.createDirectories(path);
      } else {
        String content = entry.content().orElseThrow(() -> new IllegalArgumentException(
            "the initial file " + entry.path() + " is too large to carry its content"));
        Files.createDirectories(path.getParent());
        Files.write(path, content.getBytes(StandardCharsets.ISO_8859_1));
      }
    }
    if (initial.locks().filter(locks -> !locks.isEmpty()).isPresent()) {
      throw new IllegalArgumentException("brz serve cannot start a case with a branch already locked");
    }
    try {
      branches.forEach(serve::createBranch);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public Optional<Journal> journal() {
    return Optional.empty();
  }

  @Override
  public ServerState state(Set<String> branches) {
    return BreezyHistory.state(serve.snapshot(), branches);
  }

  @Override
  public int restart() {
    int held = serve.heldConnections();
    serve.restart(restartMode);
    return held;
  }

  /**
   * Waits until brz serve has finished with every connection ({@link BrzServe#quiet()}). One still
   * open past the safety net is cut by a restart, so that it cannot reach into the next case, and
   * the case is the harness's failure.
   */
  @Override
  public void awaitQuiet() throws IOException {
    if (!serve.awaitQuiet(QUIET_SAFETY_NET)) {
      int held = serve.heldConnections();
      serve.restart(StopMode.KILL);
      throw new IOException("brz serve still held " + held + " connection(s) "
          + QUIET_SAFETY_NET.toSeconds() + " s after the case");
    }
  }

  @Override
  public String description() {
    return serve.name() + " (pid " + serve.pid() + ") at " + serve.url();
  }

  @Override
  public void close() {
    serve.close();
  }
}
