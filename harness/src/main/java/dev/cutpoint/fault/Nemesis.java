package dev.cutpoint.fault;

import dev.cutpoint.history.Delivery;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.FaultPlan;
import dev.cutpoint.history.Injection;
import dev.cutpoint.history.Phase;
import dev.cutpoint.toxiproxy.BlackHoleMeter;
import dev.cutpoint.toxiproxy.ToxicExtensions;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Breaks the connection as a {@link FaultPlan} says, through toxiproxy-java only (SPEC §4.1, §5):
 * armed between two calls (the client is synchronous, so "after response i−1, before request i" is
 * exact), cleared before the client's next connection ({@link GatedConnector}, SPEC §5.3), and able
 * to say afterwards whether its fault fired and how ({@link #injection}).
 *
 * <p>How each plan becomes a toxic (Toxiproxy's behaviour as SPEC §4.2 records it):
 *
 * <ul>
 *   <li>CLOSE at WRITE/FLUSH k: {@code limit_data} upstream of k bytes, added on the live link (it
 *       counts from its creation; no request byte flows between calls), so the server gets exactly
 *       k bytes and both sides see FIN.
 *   <li>CLOSE at READ j: {@code limit_data} downstream of j bytes, added before request i is written
 *       (no response byte flows between calls either), so the client gets exactly j bytes.
 *   <li>RESET with Shopify's toxics: {@code reset_peer} upstream (k = 0) or downstream (j = 0); RST
 *       only on a link opened while it is present, so the caller arms it with no live connection
 *       and the first connect after arming is the faulted one.
 *   <li>RESET on the embedded proxy: {@code cutpoint_reset_after} upstream with k bytes (WRITE,
 *       FLUSH) or downstream with j bytes (READ), added as limit_data is; RST on any link.
 *   <li>BLACKHOLE: {@code timeout} 0 upstream (k = 0) or downstream (j = 0); the client's read timeout
 *       ends the call, and removing the toxic closes the link. On the embedded proxy a cut in the
 *       request is {@code cutpoint_blackhole_after} upstream with k bytes and downstream with 0,
 *       so that nothing comes back either.
 *   <li>SLICE / LATENCY: {@code slicer} / {@code latency} on both directions over the whole call; slices
 *       are sized from the request's and response's lengths (about 16 per message) so that a body of
 *       megabytes is sliced too without taking minutes.
 *   <li>BETWEEN: the server's graceful restart ({@link Delivery#SERVER_RESTART}) or the proxy disabled
 *       and enabled again ({@link Delivery#PROXY_TOGGLE}), done when armed.
 * </ul>
 *
 * <p>A <i>persistent</i> fault is not cleared at the next connect: every connection the call opens
 * is hit the same way until the caller disarms after the call — the server "stays away", where a
 * loud failure after at most one resend is the right answer.
 *
 * <p>Thread-safe: the driver arms and disarms, the client's thread passes the gate, a watchdog may
 * disarm to end a call that would otherwise hang.
 */
public final class Nemesis {

  /** The server's graceful restart, where the target has one: returns how many connections it closed. */
  @FunctionalInterface
  public interface ServerRestart {
    int restart() throws IOException;
  }

  private static final String UPSTREAM_TOXIC = "cutpoint-up";
  private static final String DOWNSTREAM_TOXIC = "cutpoint-down";
  /** Per-slice pause of SLICE, in microseconds (Toxiproxy's unit): enough to split the writes. */
  private static final long SLICE_DELAY_MICROS = 20;
  /** Slices per message for SLICE: enough to cut every part, few enough to keep a MiB body fast. */
  private static final long SLICES_PER_MESSAGE = 16;
  /**
   * How long a toggled proxy's port may stay taken before the toggle fails, and the pause between
   * binds: the port being free again is an event nothing announces, so it is looked for.
   */
  private static final long ENABLE_SAFETY_NET_NANOS = 30_000_000_000L;
  private static final long ENABLE_PAUSE_NANOS = 20_000_000;
  private static final AtomicLong BLACK_HOLES = new AtomicLong();
  /** Added per chunk each way for LATENCY. */
  private static final long LATENCY_MILLIS = 2;

  private enum State {
    IDLE,
    ARMED,
    CLEARED
  }

  private final Proxy proxy;
  private final Optional<ServerRestart> serverRestart;
  private final Optional<BlackHoleMeter> blackHoles;
  private final Optional<ToxicExtensions> extensions;
  private Optional<BlackHoleMeter.Swallowed> swallowed = Optional.empty();
  /** What the watched black hole must swallow before the attempt can no longer progress. */
  private long stallingBytes;
  /**
   * A black hole in the request: the request's toxic, and on the embedded proxy the answer's too
   * (from its first byte), both watched, so that {@link #requestWritten} can move the evidence to
   * the one the request's real length makes right.
   */
  private Optional<BlackHoleMeter.Swallowed> requestHole = Optional.empty();
  private Optional<BlackHoleMeter.Swallowed> answerHole = Optional.empty();

  private State state = State.IDLE;
  private FaultPlan plan;
  private boolean persistent;
  private long requestLength;
  private long responseLength;
  private OptionalLong faultedConnection = OptionalLong.empty();
  private final List<Long> hitConnections = new ArrayList<>();
  private final List<Toxic> toxics = new ArrayList<>();
  private String armed = "";
  private boolean clearedAtConnect;
  private int closedByRestart;
  /** A toxic may be left on the proxy (a failed removal or arming): the next reset looks. */
  private boolean dirty;

  /**
   * @param proxy the proxy between the client and the server; the nemesis owns its toxics
   * @param serverRestart the server's graceful restart, empty when the target cannot restart
   * @param blackHoles what the proxy's black holes swallow, where the provider can see it
   * @param extensions the toxics that cut RESET and BLACKHOLE at any byte, where the proxy has them
   */
  public Nemesis(
      Proxy proxy,
      Optional<ServerRestart> serverRestart,
      Optional<BlackHoleMeter> blackHoles,
      Optional<ToxicExtensions> extensions) {
    this.proxy = Objects.requireNonNull(proxy, "proxy");
    this.serverRestart = Objects.requireNonNull(serverRestart, "serverRestart");
    this.blackHoles = Objects.requireNonNull(blackHoles, "blackHoles");
    this.extensions = Objects.requireNonNull(extensions, "extensions");
  }

  public Nemesis(Proxy proxy, Optional<ServerRestart> serverRestart) {
    this(proxy, serverRestart, Optional.empty(), Optional.empty());
  }

  /** The toxics this nemesis cuts with, which bound the cells it can express ({@link FaultCells}). */
  public ProxyToxics toxics() {
    return extensions.isPresent() ? ProxyToxics.EMBEDDED : ProxyToxics.SHOPIFY;
  }

  /** Whether this nemesis sees what its black holes swallow (the embedded proxy's {@link BlackHoleMeter}). */
  public boolean seesBlackHoles() {
    return blackHoles.isPresent();
  }

  /**
   * Blocks until the armed black hole has swallowed what shows that the faulted attempt can no
   * longer progress (SPEC §5.4): in the request, all of it from the cut on (the client has written
   * everything, and nothing can come back); in the response, its first byte (the server has run
   * the request, and the client has had all it will get).
   *
   * @return false when no black hole is watched, or the safety net expired first
   */
  public boolean awaitStalled(Duration safetyNet) throws InterruptedException {
    Optional<BlackHoleMeter.Swallowed> watched;
    long bytes;
    synchronized (this) {
      watched = swallowed;
      bytes = stallingBytes;
    }
    return watched.isPresent() && watched.get().awaitAtLeast(bytes, safetyNet);
  }

  /** Whether this nemesis can deliver a BETWEEN fault this way. */
  public boolean canDeliver(Delivery delivery) {
    return delivery != Delivery.SERVER_RESTART || serverRestart.isPresent();
  }

  /**
   * Arms {@code plan} for the request about to be sent.
   *
   * @param requestLength n, the faulted request's encoded length (sizes SLICE's slices)
   * @param responseLength m, its response's length from the dry run (0 when unknown)
   * @param liveConnection the connection the client holds now, which the request will use; empty
   *     when the client will open a new one (then the first connect after arming is the faulted one)
   * @throws IllegalStateException when already armed
   */
  public synchronized void arm(
      FaultPlan plan,
      long requestLength,
      long responseLength,
      OptionalLong liveConnection)
      throws IOException {
    if (state == State.ARMED) {
      throw new IllegalStateException("the nemesis is already armed with " + this.plan);
    }
    if (!canDeliver(plan.delivery())) {
      throw new IllegalArgumentException("this target cannot deliver " + plan.delivery());
    }
    this.plan = plan;
    this.persistent = plan.persistent();
    this.requestLength = requestLength;
    this.responseLength = responseLength;
    this.faultedConnection = liveConnection;
    this.hitConnections.clear();
    liveConnection.ifPresent(hitConnections::add);
    this.clearedAtConnect = false;
    this.closedByRestart = 0;
    this.state = State.ARMED;
    this.dirty = true;
    this.armed = applyFault();
    this.dirty = false;
  }

  private String applyFault() throws IOException {
    return switch (plan.delivery()) {
      case SERVER_RESTART -> {
        closedByRestart = serverRestart.orElseThrow().restart();
        yield "graceful restart of the server closed " + closedByRestart + " connection(s)";
      }
      case PROXY_TOGGLE -> {
        proxy.disable();
        enableAgain();
        yield "proxy " + proxy.getName() + " disabled and enabled";
      }
      case TOXIC -> applyToxic();
    };
  }

  /**
   * Enables the proxy after a toggle. Binding its port again fails now and then for a moment
   * ("address already in use": seen in about one toggle in sixty when brz serve restarts on the
   * same machine, gone 50 ms later), so the toggle is done when the bind succeeds, and fails only
   * past a generous safety net.
   */
  private void enableAgain() throws IOException {
    long deadline = System.nanoTime() + ENABLE_SAFETY_NET_NANOS;
    while (true) {
      try {
        proxy.enable();
        return;
      } catch (IOException e) {
        if (System.nanoTime() - deadline > 0) {
          throw e;
        }
        LockSupport.parkNanos(ENABLE_PAUSE_NANOS);
      }
    }
  }

  private String applyToxic() throws IOException {
    ToxicDirection direction =
        plan.phase() == Phase.READ ? ToxicDirection.DOWNSTREAM : ToxicDirection.UPSTREAM;
    String name = direction == ToxicDirection.UPSTREAM ? UPSTREAM_TOXIC : DOWNSTREAM_TOXIC;
    switch (plan.kind()) {
      case CLOSE -> {
        toxics.add(proxy.toxics().limitData(name, direction, plan.offset()));
        return "limit_data " + direction.name().toLowerCase() + " bytes=" + plan.offset();
      }
      case RESET -> {
        if (extensions.isPresent()) {
          toxics.add(extensions.get().resetAfter(proxy, name, direction, plan.offset()));
          return ToxicExtensions.RESET_AFTER + " " + direction.name().toLowerCase()
              + " bytes=" + plan.offset();
        }
        toxics.add(proxy.toxics().resetPeer(name, direction, 0));
        return "reset_peer " + direction.name().toLowerCase() + " timeout=0";
      }
      case BLACKHOLE -> {
        if (extensions.isPresent() && direction == ToxicDirection.UPSTREAM) {
          return blackHoleInTheRequest(extensions.get());
        }
        // a name of its own, so that the meter counts this black hole's bytes and no other's
        String hole = watchedHole(name, direction == ToxicDirection.UPSTREAM ? requestLength : 1);
        if (direction == ToxicDirection.UPSTREAM) {
          requestHole = swallowed; // all of the request falls in: its real length is the evidence
        }
        toxics.add(proxy.toxics().timeout(hole, direction, 0));
        return "timeout " + direction.name().toLowerCase() + " timeout=0";
      }
      case SLICE -> {
        long up = Math.max(1, requestLength / SLICES_PER_MESSAGE);
        long down = Math.max(1, responseLength / SLICES_PER_MESSAGE);
        // toxiproxy-java's slicer(name, stream, average_size, delay): one call each, and no
        // size_variation, so that a replay cuts the same slices
        toxics.add(proxy.toxics().slicer(UPSTREAM_TOXIC, ToxicDirection.UPSTREAM, up, SLICE_DELAY_MICROS));
        toxics.add(
            proxy.toxics().slicer(DOWNSTREAM_TOXIC, ToxicDirection.DOWNSTREAM, down, SLICE_DELAY_MICROS));
        return "slicer both ways, " + up + " B up and " + down + " B down, " + SLICE_DELAY_MICROS + " us apart";
      }
      case LATENCY -> {
        toxics.add(proxy.toxics().latency(UPSTREAM_TOXIC, ToxicDirection.UPSTREAM, LATENCY_MILLIS));
        toxics.add(proxy.toxics().latency(DOWNSTREAM_TOXIC, ToxicDirection.DOWNSTREAM, LATENCY_MILLIS));
        return "latency " + LATENCY_MILLIS + " ms both ways";
      }
    }
    throw new IllegalStateException("unknown kind " + plan.kind());
  }

  /**
   * A black hole from request byte k on, both ways: upstream after k bytes, downstream from the
   * first byte, so that a server that answers an incomplete message cannot reach the client
   * either. The evidence is watched where the cut falls: the request's bytes from k on, or, at
   * k = n, where nothing of the request is left to fall in, the answer's first byte.
   */
  private String blackHoleInTheRequest(ToxicExtensions cut) throws IOException {
    long k = plan.offset();
    String up = watchedHole(UPSTREAM_TOXIC, Math.max(0, requestLength - k));
    requestHole = swallowed;
    String down = watchedHole(DOWNSTREAM_TOXIC, 1);
    answerHole = swallowed;
    evidenceFor(requestLength);
    toxics.add(cut.blackHoleAfter(proxy, up, ToxicDirection.UPSTREAM, k));
    toxics.add(cut.blackHoleAfter(proxy, down, ToxicDirection.DOWNSTREAM, 0));
    return ToxicExtensions.BLACKHOLE_AFTER + " upstream bytes=" + k + " and downstream bytes=0";
  }

  /**
   * Where a request of {@code length} bytes shows that its attempt can never progress: all of it
   * from the cut on, swallowed by the request's hole; or, when nothing of it falls in (k at or
   * past its end), the answer's first byte, swallowed by the answer's.
   */
  private void evidenceFor(long length) {
    long k = plan.offset();
    if (length > k) {
      swallowed = requestHole;
      stallingBytes = length - k;
    } else {
      swallowed = answerHole;
      stallingBytes = 1;
    }
  }

  /**
   * The faulted attempt has written all of its request, {@code written} bytes. A real command's
   * request can differ by a few bytes from the recorded one (a timestamp in a stream): a black
   * hole in the request then looks for the evidence this length gives, not the recorded one's,
   * which might never come or come before the client had finished writing.
   */
  public synchronized void requestWritten(long written) {
    if (state == State.ARMED && requestHole.isPresent()) {
      evidenceFor(written);
    }
  }

  /** A black hole's name of its own, watched until {@code bytes} of it show the attempt stalled. */
  private String watchedHole(String name, long bytes) {
    String hole = name + "-" + proxy.getName() + "-" + BLACK_HOLES.incrementAndGet();
    swallowed = blackHoles.map(meter -> meter.watch(hole));
    stallingBytes = bytes;
    return hole;
  }

  /**
   * Called by the gate before every connect (the Java client's {@link GatedConnector}, or a foreign
   * client's driver): once the faulted connection is known, a new connect first clears a one-shot
   * fault, so that it hits exactly one connection (SPEC §5.3).
   */
  public synchronized void beforeConnect() throws IOException {
    if (state == State.ARMED && !persistent && faultedConnection.isPresent()) {
      clearedAtConnect = true;
      disarm();
    }
  }

  /** Called by the gate after every connect (or, for a foreign client, just before it). */
  public synchronized void connected(long connectionId) {
    if (state != State.ARMED) {
      return;
    }
    if (faultedConnection.isEmpty()) {
      faultedConnection = OptionalLong.of(connectionId);
    }
    hitConnections.add(connectionId);
  }

  /** Removes the toxics (a removed {@code timeout} closes its links); does nothing when not armed. */
  public synchronized void disarm() throws IOException {
    if (state != State.ARMED) {
      return;
    }
    state = State.CLEARED;
    swallowed.ifPresent(BlackHoleMeter.Swallowed::close);
    requestHole.ifPresent(BlackHoleMeter.Swallowed::close);
    answerHole.ifPresent(BlackHoleMeter.Swallowed::close);
    swallowed = Optional.empty();
    requestHole = Optional.empty();
    answerHole = Optional.empty();
    IOException failure = null;
    for (Toxic toxic : toxics) {
      try {
        toxic.remove();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    toxics.clear();
    if (failure != null) {
      dirty = true;
      throw failure;
    }
  }

  /** Whether the fault armed last hit this connection (it is dead, or about to be). */
  public synchronized boolean hit(long connectionId) {
    return hitConnections.contains(connectionId);
  }

  /** Whether a fault is in place now. */
  public synchronized boolean isArmed() {
    return state == State.ARMED;
  }

  /**
   * Back to idle between cases: disarms, and removes any toxic left on the proxy (a case that
   * failed half-way must not leak its fault into the next), and makes sure the proxy is enabled.
   */
  public synchronized void reset() throws IOException {
    try {
      disarm();
    } finally {
      if (dirty) {
        List<? extends Toxic> leftovers = extensions.isPresent()
            ? extensions.get().all(proxy)
            : proxy.toxics().getAll();
        for (Toxic leftover : leftovers) {
          leftover.remove();
        }
        proxy.enable();
        dirty = false;
      }
      state = State.IDLE;
      plan = null;
      faultedConnection = OptionalLong.empty();
      hitConnections.clear();
    }
  }

  /**
   * Whether the armed fault fired, judged from the faulted call's attempts, with the evidence in
   * words. Byte-precise where Toxiproxy is: a CLOSE at READ j fired when the client got exactly j
   * response bytes on the faulted connection; at WRITE k when the client got at least k bytes out
   * and then lost the connection.
   */
  public synchronized Injection injection(List<AttemptTrace> attempts) {
    if (plan == null) {
      return new Injection(false, "the nemesis was never armed");
    }
    if (attempts.isEmpty()) {
      return new Injection(false, armed + "; the faulted call made no attempt");
    }
    AttemptTrace first = attempts.get(0);
    String where = "; " + describe(first) + (clearedAtConnect ? "; cleared before the next connect" : "");
    if (persistent) {
      // a resend may get through when it is shorter than the cut (what is left of a stream)
      long failed = attempts.stream().filter(a -> a.failedAt().isPresent()).count();
      boolean hit = first.failedAt().isPresent() && first.connectionId().isPresent()
          && hitConnections.contains(first.connectionId().getAsLong());
      return new Injection(
          hit, armed + " (persistent, on connections " + hitConnections + ")" + where
              + "; " + failed + " of " + attempts.size() + " attempt(s) failed");
    }
    if (plan.phase() == Phase.BETWEEN) {
      boolean hit = first.reusedConnection() && first.failedAt().isPresent();
      boolean closed = plan.delivery() != Delivery.SERVER_RESTART || closedByRestart > 0;
      return new Injection(hit && closed, armed + where);
    }
    if (!kindIsFatal()) {
      boolean present = !clearedAtConnect && toxicsWerePresentThroughout(attempts);
      return new Injection(present, armed + " over the whole call" + where);
    }
    boolean onFaulted = faultedConnection.isPresent()
        && first.connectionId().isPresent()
        && first.connectionId().getAsLong() == faultedConnection.getAsLong();
    boolean fired = onFaulted && firedOn(first);
    String on = faultedConnection.isPresent() ? " on connection " + faultedConnection.getAsLong() : " on no connection";
    return new Injection(fired, armed + on + where);
  }

  private boolean kindIsFatal() {
    return plan.kind().fatal();
  }

  private boolean toxicsWerePresentThroughout(List<AttemptTrace> attempts) {
    return attempts.stream().allMatch(a -> a.connectionId().isPresent()
        && hitConnections.contains(a.connectionId().getAsLong()));
  }

  /**
   * The client got out at least the k bytes the proxy let through and lost the connection; in the
   * response, it got no more than j bytes (exactly j after a close, which comes behind the bytes;
   * an RST may overtake bytes the client's kernel had not yet taken in).
   */
  private boolean firedOn(AttemptTrace first) {
    boolean lost = first.failedAt().isPresent() && first.connectionLost();
    long cut = plan.offset();
    return switch (plan.phase()) {
      // a close or reset at k = n lets everything through first: the reply may still arrive
      case FLUSH -> cut >= requestLength && plan.kind() != FaultKind.BLACKHOLE
          ? first.writeCompleted()
          : lost && first.bytesWritten() >= cut;
      case WRITE -> lost && first.bytesWritten() >= cut;
      case READ -> lost && first.writeCompleted()
          && (plan.kind() == FaultKind.CLOSE ? first.bytesRead() == cut : first.bytesRead() <= cut);
      case BETWEEN -> false;
    };
  }

  private static String describe(AttemptTrace attempt) {
    return "attempt " + attempt.number() + " on connection "
        + (attempt.connectionId().isPresent() ? Long.toString(attempt.connectionId().getAsLong()) : "none")
        + (attempt.reusedConnection() ? " (kept from an earlier call)" : "")
        + " wrote " + attempt.bytesWritten() + " B" + (attempt.writeCompleted() ? " (all)" : "")
        + ", read " + attempt.bytesRead() + " B"
        + attempt.failedAt().map(site -> ", failed on " + site.name().toLowerCase()).orElse(", answered");
  }
}
