package dev.cutpoint.drive.target;

import dev.cutpoint.history.Journal;
import dev.cutpoint.history.Request;
import dev.cutpoint.history.ServerState;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The server side of a proxied target, started once and reset for every case: the reference server
 * (with its journal) or {@code brz serve} (whose final state is the only witness).
 */
public interface CaseServer extends AutoCloseable {

  /** Where the proxy, and the dry run, reach it. */
  InetSocketAddress address();

  /** Whether {@link #journal()} is present: the oracle counts executions in it. */
  boolean hasJournal();

  /** Whether the server has {@code insert_stream} (the class {@code stream}). */
  boolean hasInsertStream();

  /**
   * Whether the server may run, and answer, a request whose terminal byte it has not received
   * ({@code brz serve} runs a body-less request on its arguments): then a cut after k bytes can be
   * answered before the close reaches the client.
   */
  boolean answersIncompleteMessages();

  /**
   * Puts the server in {@code initial}, with a real branch at each of {@code branches} where the
   * server needs one for the lock verbs; no connection may be in use.
   */
  void reset(ServerState initial, Set<String> branches) throws IOException;

  /**
   * Each request's response length, run from {@code initial} without a connection, where the
   * server can answer in process (the reference server); empty when only a dry run over a socket
   * can tell.
   */
  Optional<List<Long>> responseLengths(ServerState initial, List<Request> requests) throws IOException;

  /** The journal of what ran since the last reset, for a server that keeps one. */
  Optional<Journal> journal();

  /**
   * Blocks until the journal holds at least {@code entries} entries (a request the harness sent has
   * run); false at once for a server without a journal.
   *
   * @param safetyNet the longest real time to block: a bound against a harness defect
   */
  boolean awaitExecuted(int entries, Duration safetyNet) throws InterruptedException;

  /** The tree and the branch locks now, with the branches of {@link #reset} left out of the tree. */
  ServerState state(Set<String> branches) throws IOException;

  /**
   * Closes every connection between two requests and serves again (BETWEEN, bug 819604's live
   * upgrade).
   *
   * @return how many connections it closed
   */
  int restart() throws IOException;

  /**
   * Waits until the server holds no connection: a connection the proxy is still closing may yet
   * run what it received, and that belongs to this case, not the next.
   *
   * @throws IOException when one is still open past a generous safety net: the harness could not
   *     finish the case (the connection is cut, so that it cannot reach into the next)
   */
  void awaitQuiet() throws IOException;

  /** One line for reports: which server, where. */
  String description();

  @Override
  void close();
}
