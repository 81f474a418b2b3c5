package dev.cutpoint.drive.breezy;

import dev.cutpoint.client.Attempt;
import dev.cutpoint.client.CallFailed;
import dev.cutpoint.client.ClientOptions;
import dev.cutpoint.client.Connector;
import dev.cutpoint.client.SmartClient;
import dev.cutpoint.client.TcpConnector;
import dev.cutpoint.drive.CallRecorder;
import dev.cutpoint.drive.JavaTarget;
import dev.cutpoint.drive.RequestDraft;
import dev.cutpoint.drive.Requests;
import dev.cutpoint.drive.Watchdog;
import dev.cutpoint.fault.GatedConnector;
import dev.cutpoint.fault.Nemesis;
import dev.cutpoint.history.Call;
import dev.cutpoint.history.Request;
import dev.cutpoint.drive.Mutant;
import dev.cutpoint.wire.Message;
import dev.cutpoint.wire.ProtocolError;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The reference client as the client of the {@code breezy-server} target: the same client, policy
 * and recording as the {@code java} target, its connector gated by the nemesis, a watchdog ending a
 * call that would hang (the {@code no-timeout} mutant).
 */
final class ReferenceClient implements CaseClient {

  private final Mutant mutant;
  private final boolean noRetry;
  private final Optional<Nemesis> nemesis;
  private final Watchdog watchdog = new Watchdog();
  private SmartClient client;
  private CallRecorder recorder = new CallRecorder();

  /**
   * @param noRetry {@code -Dnoretry}: no resend at all
   * @param nemesis the gate of every connect; empty for a client without a proxy
   */
  ReferenceClient(Mutant mutant, boolean noRetry, Optional<Nemesis> nemesis) {
    this.mutant = mutant;
    this.noRetry = noRetry;
    this.nemesis = nemesis;
  }

  @Override
  public String name() {
    return mutant.clientName(JavaTarget.NAME);
  }

  @Override
  public Request recorded(int index, RequestDraft draft) {
    return Requests.recorded(index, draft);
  }

  @Override
  public List<Long> responseLengths(InetSocketAddress direct, List<Request> requests, Duration timeout) {
    CallRecorder lengths = new CallRecorder();
    List<Long> out = new ArrayList<>();
    ClientOptions options = ClientOptions.defaults().withTimeout(timeout);
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
    ClientOptions options =
        mutant.clientOptions(ClientOptions.defaults().withTimeout(timeout)).withNoRetry(noRetry);
    Connector direct = new TcpConnector(address);
    Connector connector = nemesis.<Connector>map(n -> new GatedConnector(direct, n)).orElse(direct);
    client = new SmartClient(connector, options, recorder);
  }

  @Override
  public Call call(Request request, long boundMillis) {
    recorder.startCall();
    Optional<Exception> error = Optional.empty();
    long start = System.nanoTime();
    Watchdog.Guard guard = watchdog.guard(boundMillis + 250, this::rescue);
    try {
      client.call(Requests.forClient(request));
    } catch (CallFailed | RuntimeException e) {
      error = Optional.of(e);
    } finally {
      guard.close();
    }
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    List<Attempt> attempts = recorder.clientAttempts();
    Optional<Message> reply = error.isPresent() || attempts.isEmpty()
        ? Optional.empty()
        : attempts.get(attempts.size() - 1).response();
    return recorder.call(request.index(), reply, error, elapsed, boundMillis);
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
  public List<Attempt> lastAttempts() {
    return recorder.clientAttempts();
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
