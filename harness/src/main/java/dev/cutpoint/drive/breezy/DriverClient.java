package dev.cutpoint.drive.breezy;

import dev.cutpoint.client.Attempt;
import dev.cutpoint.client.FailureSite;
import dev.cutpoint.drive.RequestDraft;
import dev.cutpoint.fault.Nemesis;
import dev.cutpoint.history.Call;
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
 * Breezy's own client, through one long-lived driver process ({@link BreezyClient}), as the client
 * of the {@code breezy-client} and {@code breezy} targets. Each case opens a fresh {@code
 * _SmartClient} and medium in the driver; each new connection waits at the gate, where the nemesis
 * clears a one-shot fault first (SPEC §5.3). A driver that broke is started again at the next case.
 *
 * <p>Breezy's client is what it is: no resend policy or option of the reference client applies.
 */
final class DriverClient implements CaseClient {

  /**
   * The longest the driver may take to answer: past it, it is killed. Calls end sooner by their
   * socket timeouts (three sendings of a few seconds at most); this is the harness's own guard.
   */
  private static final Duration DRIVER_DEADLINE = Duration.ofSeconds(30);

  private final BreezyInstallation installation;
  private final Optional<Nemesis> nemesis;
  private final boolean noRetry;
  private final String version;
  private BreezyClient breezy;
  private Optional<CallRecord> last = Optional.empty();
  private String lastVerb = "";

  private DriverClient(
      BreezyInstallation installation, Optional<Nemesis> nemesis, boolean noRetry, String version) {
    this.installation = installation;
    this.nemesis = nemesis;
    this.noRetry = noRetry;
    this.version = version;
  }

  /**
   * Starts the driver.
   *
   * @param nemesis the gate of every connect; empty for a client without a proxy
   * @param noRetry Breezy's {@code -Dnoretry}
   * @throws BreezyUnavailable when Breezy is not installed
   */
  static DriverClient start(BreezyInstallation installation, Optional<Nemesis> nemesis, boolean noRetry) {
    String version = installation.version();
    DriverClient client = new DriverClient(installation, nemesis, noRetry, version);
    client.driver();
    return client;
  }

  @Override
  public String name() {
    return "breezy/" + version + (noRetry ? "/noretry" : "");
  }

  @Override
  public Request recorded(int index, RequestDraft draft) {
    return BreezyRequests.recorded(index, draft, version);
  }

  /**
   * Each response's length from a run straight to the server; checks on the way that Breezy sent
   * exactly the bytes the harness computed for each request (else the planned cut would miss).
   */
  @Override
  public List<Long> responseLengths(InetSocketAddress direct, List<Request> requests, Duration timeout)
      throws IOException {
    BreezyClient driver = driver();
    driver.open(direct.getHostString(), direct.getPort(), new ClientSettings(timeout, false));
    List<Long> lengths = new ArrayList<>();
    try {
      for (Request request : requests) {
        CallRecord record = driver.call(BreezyRequests.call(request));
        for (AttemptRecord attempt : record.attempts()) {
          if (attempt.writeCompleted() && attempt.bytesWritten() != request.encodedLength()) {
            throw new IOException("Breezy sent " + attempt.bytesWritten() + " bytes for request "
                + request.index() + " (" + request.verb() + "), the harness computed "
                + request.encodedLength());
          }
        }
        List<AttemptRecord> attempts = record.attempts();
        lengths.add(attempts.isEmpty() ? 0L : attempts.get(attempts.size() - 1).bytesRead());
      }
    } finally {
      driver.disconnect();
    }
    return lengths;
  }

  @Override
  public void open(InetSocketAddress address, Duration timeout) {
    last = Optional.empty();
    driver().open(address.getHostString(), address.getPort(), new ClientSettings(timeout, noRetry));
  }

  @Override
  public Call call(Request request, long boundMillis) {
    CallRecord record = driver().call(BreezyRequests.call(request));
    last = Optional.of(record);
    lastVerb = request.verb();
    return BreezyHistory.call(record, request.index(), Duration.ofMillis(boundMillis));
  }

  @Override
  public boolean waitsOnHarnessClock() {
    return false;
  }

  @Override
  public void endStalledAttempt(Duration safetyNet) {
    throw new UnsupportedOperationException("the driver's expire is not wired yet");
  }

  @Override
  public List<Attempt> lastAttempts() {
    if (last.isEmpty()) {
      return List.of();
    }
    List<Attempt> attempts = new ArrayList<>();
    for (AttemptRecord attempt : last.get().attempts()) {
      attempts.add(new Attempt(
          lastVerb,
          attempt.attempt(),
          attempt.connection(),
          !attempt.newConnection(),
          attempt.bytesWritten(),
          attempt.writeCompleted(),
          attempt.bodyStreamStarted().orElse(false),
          attempt.streamChunksSent(),
          attempt.bytesRead(),
          Optional.empty(),
          attempt.error().map(e -> FailureSite.valueOf(e.site().name())),
          attempt.error().map(BreezyAttemptFailure::new),
          Optional.empty()));
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
      breezy = BreezyClient.start(installation, this::gate, DRIVER_DEADLINE);
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
