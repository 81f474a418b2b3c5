package dev.cutpoint.drive.target;

import dev.cutpoint.fault.AttemptTrace;
import dev.cutpoint.drive.RequestDraft;
import dev.cutpoint.history.Call;
import dev.cutpoint.history.Request;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * The client side of a proxied target: the reference client, or Breezy's own through its driver.
 * Started once; {@link #open} gives each case a fresh client (no connection, no state left from
 * the last case) whose every new connection passes the nemesis's gate (SPEC §5.3). Calls are
 * synchronous, on one thread.
 */
public interface CaseClient extends AutoCloseable {

  /** The client as a scenario names it: {@code java/breezy}, {@code breezy/3.3.2}. */
  String name();

  /**
   * The recorded request for {@code draft} at position {@code index}: its encoded length and hash
   * are those of the bytes this client sends.
   */
  Request recorded(int index, RequestDraft draft);

  /**
   * {@code request}, recorded by this client, hashed again as the server's journal hashes it now
   * (an older case file carries SHA-256s; see {@link dev.cutpoint.history.Digest}).
   */
  Request rehashed(Request request);

  /**
   * Each request's response length: the requests sent in order, without fault, straight to the
   * server at {@code direct} (0 where no response came).
   */
  List<Long> responseLengths(InetSocketAddress direct, List<Request> requests, Duration timeout)
      throws IOException;

  /**
   * A fresh client for the server at {@code address}: {@code timeout} is the reference client's
   * timeout on the harness's clock, or the socket timeout Breezy's driver keeps as a safety net.
   */
  void open(InetSocketAddress address, Duration timeout) throws IOException;

  /**
   * Makes the call and records it; the call's deadline for I6 is {@code boundMillis}, on the
   * client's clock.
   *
   * @throws CaseAbandoned when the call ran past the harness's real-time safety net
   */
  Call call(Request request, long boundMillis);

  /**
   * Whether this client's timeouts run on the harness's clock (the reference client): its calls
   * are then bounded there; a client without a clock of ours (Breezy's) only by the safety net.
   */
  boolean waitsOnHarnessClock();

  /**
   * Ends the current attempt, which the harness knows can never progress (its bytes fell into a
   * black hole), the way the client's own timeout would (SPEC §5.4): the reference client's clock
   * moves to its deadline; Breezy's driver raises its socket timeout. Called from another thread
   * while {@link #call} runs.
   *
   * @param safetyNet the longest real time to wait for the client to be waiting
   */
  void endStalledAttempt(Duration safetyNet) throws IOException, InterruptedException;

  /**
   * The attempts of the last call as the nemesis reads them (connection, bytes, where it failed),
   * to tell whether its fault fired.
   */
  List<AttemptTrace> lastAttempts();

  /** The connection the client holds after the last call, if it kept one open. */
  OptionalLong liveConnection();

  /** Closes the client's connection, so that the next call opens a new one. */
  void disconnect();

  /** Ends the case's client (its connection closes). */
  void endCase();

  @Override
  void close();
}
