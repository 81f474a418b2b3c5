package dev.cutpoint.drive.breezy;

import dev.cutpoint.drive.ClientCommand;
import dev.cutpoint.drive.RequestDraft;
import dev.cutpoint.drive.target.CaseClient;
import dev.cutpoint.fault.AttemptTrace;
import dev.cutpoint.fault.Nemesis;
import dev.cutpoint.history.Call;
import dev.cutpoint.history.FailureSite;
import dev.cutpoint.history.Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A client that speaks the driver protocol, through one long-lived process ({@link BreezyClient}):
 * Breezy's own client through its driver, the client of the {@code breezy-client} and {@code
 * breezy} targets, or the user's {@link ClientCommand}, the client of {@code client-command}. Each
 * case opens a fresh client in the process; each new connection waits at the gate, where the
 * nemesis clears a one-shot fault first (SPEC §5.3). A process that broke is started again at the
 * next case, and must say the same hello.
 *
 * <p>The client is what it is: no resend policy or option of the reference client applies. Its
 * requests are recorded as the bytes its hello's headers make ({@link BreezyRequests}), and every
 * attempt that says it wrote a whole request must have written exactly those.
 */
final class DriverClient implements CaseClient {

  /**
   * The longest the driver may take to answer one attempt: past it, it is killed. Longer than the
   * safety net, so that a call nobody ended is reported as that ({@link SafetyNetExpired}), with
   * the driver still usable.
   */
  private static final Duration DRIVER_DEADLINE = Duration.ofSeconds(60);

  /**
   * The shortest read timeout that is a safety net (SPEC §5.4): a call that runs into it is the
   * harness's failure. A shorter one is still the timeout a black-holed call ends on.
   */
  static final Duration SAFETY_NET = Duration.ofSeconds(30);

  /** Starts the process, gated by the given gate. */
  @FunctionalInterface
  private interface Launcher {
    BreezyClient start(ConnectionGate gate, Duration deadline);
  }

  private final Launcher launcher;
  private final Optional<Nemesis> nemesis;
  private final boolean noRetry;
  private final Duration safetyNetFloor;
  /** What the first process said in its hello; every restart must say the same. */
  private DriverInfo info;
  /** Read by {@link #expire} on the nemesis's thread. */
  private volatile BreezyClient breezy;
  private Duration readTimeout = Duration.ZERO;
  private Optional<CallRecord> last = Optional.empty();

  private DriverClient(
      Launcher launcher, Optional<Nemesis> nemesis, boolean noRetry, Duration safetyNetFloor) {
    this.launcher = launcher;
    this.nemesis = nemesis;
    this.noRetry = noRetry;
    this.safetyNetFloor = safetyNetFloor;
  }

  /**
   * Starts the driver.
   *
   * @param nemesis the gate of every connect; empty for a client without a proxy
   * @param noRetry Breezy's {@code -Dnoretry}
   * @throws BreezyUnavailable when Breezy is not installed
   */
  static DriverClient start(BreezyInstallation installation, Optional<Nemesis> nemesis, boolean noRetry) {
    return start(installation, nemesis, noRetry, SAFETY_NET);
  }

  /** The same, with read timeouts from {@code safetyNetFloor} up taken as safety nets (tests). */
  static DriverClient start(
      BreezyInstallation installation,
      Optional<Nemesis> nemesis,
      boolean noRetry,
      Duration safetyNetFloor) {
    installation.version(); // a missing Breezy is BreezyUnavailable, before any process starts
    return started(new DriverClient(
        (gate, deadline) -> BreezyClient.start(installation, gate, deadline),
        nemesis, noRetry, safetyNetFloor));
  }

  /**
   * Starts the user's client.
   *
   * @param nemesis the gate of every connect
   * @throws DriverFailure when it exits, does not answer hello, or speaks another protocol version
   */
  static DriverClient start(ClientCommand command, Optional<Nemesis> nemesis) {
    return started(new DriverClient(
        (gate, deadline) -> BreezyClient.start(command, gate, deadline), nemesis, false, SAFETY_NET));
  }

  private static DriverClient started(DriverClient client) {
    client.driver();
    return client;
  }

  /** The client as its hello names it, e.g. {@code breezy/3.3.2}. */
  @Override
  public String name() {
    return info.client() + (noRetry ? "/noretry" : "");
  }

  @Override
  public Request recorded(int index, RequestDraft draft) {
    return BreezyRequests.recorded(index, draft, info.headers());
  }

  @Override
  public Request rehashed(Request request) {
    return BreezyRequests.rehashed(request, info.headers());
  }

  /**
   * Each response's length from a run straight to the server; checks on the way that the client
   * sent exactly the bytes the harness computed for each request (else the planned cut would miss).
   */
  @Override
  public List<Long> responseLengths(InetSocketAddress direct, List<Request> requests, Duration timeout) {
    BreezyClient driver = driver();
    driver.open(direct.getHostString(), direct.getPort(), new ClientSettings(timeout, false));
    List<Long> lengths = new ArrayList<>();
    try {
      for (Request request : requests) {
        CallRecord record = driver.call(BreezyRequests.call(request));
        requireComputedBytes(record, request);
        List<AttemptRecord> attempts = record.attempts();
        lengths.add(attempts.isEmpty() ? 0L : attempts.get(attempts.size() - 1).bytesRead());
      }
    } finally {
      driver.disconnect();
    }
    return lengths;
  }

  /**
   * An attempt that wrote its whole request wrote the bytes the harness computed from the hello's
   * headers, and no attempt wrote more: else the planned cut falls elsewhere than planned and the
   * journal cannot find the request.
   *
   * @throws RequestBytesMismatch naming the request, when not
   */
  private void requireComputedBytes(CallRecord record, Request request) {
    for (AttemptRecord attempt : record.attempts()) {
      boolean whole = attempt.writeCompleted();
      if (whole ? attempt.bytesWritten() != request.encodedLength()
          : attempt.bytesWritten() > request.encodedLength()) {
        throw new RequestBytesMismatch(
            info.client(), request, attempt.attempt(), attempt.bytesWritten(), whole, info.headers());
      }
    }
  }

  @Override
  public void open(InetSocketAddress address, Duration timeout) {
    last = Optional.empty();
    readTimeout = timeout;
    driver().open(address.getHostString(), address.getPort(), new ClientSettings(timeout, noRetry));
  }

  /**
   * @throws SafetyNetExpired when the call ran into a read timeout that is a safety net: the
   *     harness failed to end it, so the case is not run, whatever Breezy did
   */
  @Override
  public Call call(Request request, long boundMillis) {
    BreezyClient driver = driver();
    CallRecord record = driver.call(BreezyRequests.call(request));
    requireComputedBytes(record, request);
    if (record.safetyNet() && readTimeout.compareTo(safetyNetFloor) >= 0) {
      throw new SafetyNetExpired(
          "call #" + record.callId() + " " + request.verb(), readTimeout, driver.driverLog());
    }
    last = Optional.of(record);
    return BreezyHistory.call(record, request.index(), Duration.ofMillis(boundMillis));
  }

  @Override
  public boolean waitsOnHarnessClock() {
    return false;
  }

  @Override
  public void endStalledAttempt(Duration safetyNet) {
    expire();
  }

  @Override
  public List<AttemptTrace> lastAttempts() {
    if (last.isEmpty()) {
      return List.of();
    }
    List<AttemptTrace> attempts = new ArrayList<>();
    for (AttemptRecord attempt : last.get().attempts()) {
      attempts.add(new AttemptTrace(
          attempt.attempt(),
          attempt.connection(),
          !attempt.newConnection(),
          attempt.bytesWritten(),
          attempt.writeCompleted(),
          attempt.bytesRead(),
          attempt.error().map(e -> FailureSite.valueOf(e.site().name())),
          attempt.error().isPresent()));
    }
    return attempts;
  }

  /** The connection of the last attempt, when it got the call's answer (Breezy keeps it open). */
  @Override
  public OptionalLong liveConnection() {
    if (last.isEmpty() || last.get().outcome() instanceof CallOutcome.ClientException) {
      return OptionalLong.empty();
    }
    List<AttemptRecord> attempts = last.get().attempts();
    return attempts.isEmpty() ? OptionalLong.empty() : attempts.get(attempts.size() - 1).connection();
  }

  @Override
  public void disconnect() {
    driver().disconnect();
  }

  /**
   * Ends the call in progress as a socket timeout would (Breezy's call fails with {@code
   * TimeoutError: timed out}), for when the harness knows it is black-holed (SPEC §5.4). Callable
   * from any thread while {@link #call} waits; does nothing between calls, and an expire that
   * reaches the driver after its call ended is ignored.
   *
   * @throws DriverExited when the driver could not be written to (the call's thread sees it too)
   */
  public void expire() {
    BreezyClient current = breezy;
    if (current != null) {
      current.expire();
    }
  }

  /** Closes the case's connection, so that the server sees the end of it. */
  @Override
  public void endCase() {
    if (breezy != null && breezy.alive()) {
      breezy.disconnect();
    }
  }

  @Override
  public void close() {
    if (breezy != null) {
      breezy.close();
    }
  }

  /** The driver, started again if the last one broke. */
  private BreezyClient driver() {
    if (breezy == null || !breezy.alive()) {
      if (breezy != null) {
        breezy.close();
      }
      BreezyClient started = launcher.start(this::gate, DRIVER_DEADLINE);
      if (info != null && !info.sameClientAs(started.info())) {
        started.close();
        throw new DriverProtocolError("BadReply", "the restarted client said " + started.info()
            + " in its hello, the first one " + info, "");
      }
      info = started.info();
      breezy = started;
    }
    return breezy;
  }

  /** The driver's connect waits here: a one-shot fault is cleared before a second connection. */
  private void gate(PendingConnect pending) {
    if (nemesis.isEmpty()) {
      return;
    }
    try {
      nemesis.get().beforeConnect();
    } catch (IOException e) {
      throw new UncheckedIOException("the nemesis could not clear its fault before a connect", e);
    }
    nemesis.get().connected(pending.connection());
  }
}
