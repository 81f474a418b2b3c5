package dev.cutpoint.drive.target;

import dev.cutpoint.client.Attempt;
import dev.cutpoint.client.CallFailed;
import dev.cutpoint.client.ClientOptions;
import dev.cutpoint.client.Connector;
import dev.cutpoint.client.ManualClock;
import dev.cutpoint.client.SmartClient;
import dev.cutpoint.client.TcpConnector;
import dev.cutpoint.drive.CallRecorder;
import dev.cutpoint.drive.CaseAbandoned;
import dev.cutpoint.drive.Mutant;
import dev.cutpoint.drive.RequestDraft;
import dev.cutpoint.drive.Requests;
import dev.cutpoint.drive.Watchdog;
import dev.cutpoint.fault.AttemptTrace;
import dev.cutpoint.fault.GatedConnector;
import dev.cutpoint.fault.Nemesis;
import dev.cutpoint.history.Call;
import dev.cutpoint.history.Request;
import dev.cutpoint.wire.Message;
import dev.cutpoint.wire.ProtocolError;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The reference client as the client side of a proxied target: the same client, policy and
 * recording for every server, its connector gated by the nemesis, its timeouts on a
 * {@link ManualClock} that only the harness moves (SPEC §5.4), and a watchdog for a call that would
 * never end (the {@code no-timeout} mutant).
 */
public final class ReferenceClient implements CaseClient {

  /**
   * How long, in real time, the client gets to end its attempt once its deadline has passed on the
   * clock: waking a thread takes microseconds, so only a client that ignores its deadline uses it.
   */
  private static final Duration GRACE = Duration.ofSeconds(5);

  /** The reference client's family in a scenario's client name ({@code java/breezy}). */
  private static final String FAMILY = "java";

  private final Mutant mutant;
  private final boolean noRetry;
  private final Optional<Nemesis> nemesis;
  private final Watchdog watchdog = new Watchdog();
  private SmartClient client;
  private ManualClock clock = new ManualClock();
  private CallRecorder recorder = new CallRecorder();
  private volatile Watchdog.Guard guard;

  /**
   * @param noRetry {@code -Dnoretry}: no resend at all
   * @param nemesis the gate of every connect; empty for a client without a proxy
   */
  public ReferenceClient(Mutant mutant, boolean noRetry, Optional<Nemesis> nemesis) {
    this.mutant = mutant;
    this.noRetry = noRetry;
    this.nemesis = nemesis;
  }

  @Override
  public String name() {
    return mutant.clientName(FAMILY);
  }

  @Override
  public Request recorded(int index, RequestDraft draft) {
    return Requests.recorded(index, draft);
  }

  @Override
  public Request rehashed(Request request) {
    return Requests.sized(request.index(), request.verb(), request.verbClass(), request.args(), request.body());
  }

  /** The dry run has no fault: only the safety net bounds it, in real time. */
  @Override
  public List<Long> responseLengths(InetSocketAddress direct, List<Request> requests, Duration timeout) {
    CallRecorder lengths = new CallRecorder();
    List<Long> out = new ArrayList<>();
    ClientOptions options = ClientOptions.defaults().withTimeout(Watchdog.SAFETY_NET);
    try (SmartClient dry = new SmartClient(new TcpConnector(direct), options, lengths)) {
      for (Request request : requests) {
        lengths.startCall();
        try {
          dry.call(Requests.forClient(request));
        } catch (CallFailed | ProtocolError e) {
          // an error response has a length too; a lost connection leaves it unknown (0)
        }
        List<Attempt> attempts = lengths.clientAttempts();
        out.add(attempts.isEmpty() ? 0L : attempts.get(attempts.size() - 1).bytesRead());
      }
    }
    return out;
  }

  @Override
  public void open(InetSocketAddress address, Duration timeout) {
    endCase();
    recorder = new CallRecorder();
    clock = new ManualClock();
    ClientOptions options = mutant
        .clientOptions(ClientOptions.defaults().withTimeout(timeout))
        .withNoRetry(noRetry)
        .withClock(clock);
    Connector direct = new TcpConnector(address);
    Connector connector = nemesis.<Connector>map(n -> new GatedConnector(direct, n)).orElse(direct);
    client = new SmartClient(connector, options, recorder);
  }

  @Override
  public Call call(Request request, long boundMillis) {
    recorder.startCall();
    Optional<Exception> error = Optional.empty();
    long start = clock.nanoTime();
    Watchdog.Guard watched = watchdog.guard(Watchdog.SAFETY_NET, this::rescue);
    guard = watched;
    try {
      client.call(Requests.forClient(request));
    } catch (CallFailed | RuntimeException e) {
      error = Optional.of(e);
    } finally {
      watched.close();
    }
    Optional<Watchdog.Ending> ending = watched.ending();
    if (ending.filter(Watchdog.Ending::safetyNet).isPresent()) {
      throw new CaseAbandoned("call " + request.index() + " (" + request.verb() + ") " + ending.get().reason());
    }
    long elapsed = TimeUnit.NANOSECONDS.toMillis(clock.nanoTime() - start);
    List<Attempt> attempts = recorder.clientAttempts();
    Optional<Message> reply = error.isPresent() || attempts.isEmpty()
        ? Optional.empty()
        : attempts.get(attempts.size() - 1).response();
    return recorder.call(
        request.index(), reply, error, elapsed, boundMillis, ending.map(Watchdog.Ending::reason));
  }

  @Override
  public boolean waitsOnHarnessClock() {
    return true;
  }

  /**
   * Moves the clock to the deadline of the attempt's wait, so that the client's own timeout fires.
   * A wait without a deadline can never end by itself: the watchdog ends the call now, and the
   * client is blamed (I6).
   */
  @Override
  public void endStalledAttempt(Duration safetyNet) throws InterruptedException {
    if (!clock.awaitWaiter(safetyNet)) {
      return; // the call's own safety net gives the case up
    }
    Watchdog.Guard watched = guard;
    if (clock.expireWaiters().isEmpty()) {
      watched.endAfter(Duration.ZERO,
          "it waited with no timeout on a connection whose bytes a black hole swallowed");
    } else {
      watched.endAfter(GRACE, "it was still waiting " + GRACE.toSeconds()
          + " s of real time after its timeout had passed on the harness's clock");
    }
  }

  /** The watchdog's first move on a hanging call: clear the fault, which closes its link. */
  private void rescue() {
    try {
      if (nemesis.isPresent()) {
        nemesis.get().disarm();
      }
    } catch (IOException e) {
      // the interrupt that follows ends the call anyway
    }
  }

  @Override
  public List<AttemptTrace> lastAttempts() {
    return recorder.traces();
  }

  @Override
  public OptionalLong liveConnection() {
    return recorder.liveConnection();
  }

  @Override
  public void disconnect() {
    client.disconnect();
  }

  @Override
  public void endCase() {
    if (client != null) {
      client.close();
      client = null;
    }
  }

  @Override
  public void close() {
    endCase();
    watchdog.close();
  }
}
