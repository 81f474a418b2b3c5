package dev.cutpoint.scenarios;

import dev.cutpoint.fault.FaultCells;
import dev.cutpoint.fault.ProxyToxics;
import dev.cutpoint.history.Delivery;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.Phase;
import dev.cutpoint.toxiproxy.ToxiproxyChoice;
import dev.cutpoint.toxiproxy.ToxiproxyProviders;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One kind of fault a property injects: a phase × kind of the matrix, for BETWEEN how the
 * connections are closed (the server's graceful restart or Toxiproxy's disable/enable), and whether
 * the fault is persistent (every connection of the call is hit, the server "stays away") rather
 * than one-shot.
 */
record FaultShape(Phase phase, FaultKind kind, Delivery delivery, boolean persistent) {

  FaultShape {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(delivery, "delivery");
    if ((phase == Phase.BETWEEN) != delivery.betweenRequests()) {
      throw new IllegalArgumentException(phase + " cannot be delivered by " + delivery);
    }
  }

  /**
   * Every one-shot fault that kills the connection and that the configured Toxiproxy can express
   * honestly (the embedded one, with its extensions, more).
   */
  static List<FaultShape> fatal() {
    return applicable(true);
  }

  /** The faults that only disturb the connection (SLICE, LATENCY), in both directions. */
  static List<FaultShape> disturbing() {
    return applicable(false);
  }

  /** Every one-shot fault, fatal or not. */
  static List<FaultShape> all() {
    List<FaultShape> all = new ArrayList<>(fatal());
    all.addAll(disturbing());
    return all;
  }

  /** The fatal faults that leave the server an incomplete request: every WRITE cut and FLUSH at n−1. */
  static List<FaultShape> partialRequest() {
    return fatal().stream().filter(s -> s.phase() == Phase.WRITE || s.phase() == Phase.FLUSH).toList();
  }

  /**
   * The persistent faults: CLOSE while the request is on its way and while its reply is, on every
   * connection of the call (the matrix's persistent cases).
   */
  static List<FaultShape> persistentCuts() {
    return List.of(
        new FaultShape(Phase.WRITE, FaultKind.CLOSE, Delivery.TOXIC, true),
        new FaultShape(Phase.READ, FaultKind.CLOSE, Delivery.TOXIC, true));
  }

  /** How the report and the statistics name it: {@code READ×CLOSE}, {@code BETWEEN×CLOSE by PROXY_TOGGLE}. */
  String label() {
    return phase + "×" + kind
        + (phase == Phase.BETWEEN ? " by " + delivery : "")
        + (persistent ? " persistent" : "");
  }

  /** The toxics of the Toxiproxy the properties run on. */
  private static ProxyToxics toxics() {
    ToxiproxyChoice choice = ToxiproxyProviders.choose(
        RunSettings.system().toxiproxy(), System::getProperty, System::getenv);
    return choice instanceof ToxiproxyChoice.Embedded ? ProxyToxics.EMBEDDED : ProxyToxics.SHOPIFY;
  }

  private static List<FaultShape> applicable(boolean fatal) {
    List<FaultShape> shapes = new ArrayList<>();
    for (Phase phase : Phase.values()) {
      for (FaultKind kind : FaultKind.values()) {
        if (kind.fatal() != fatal || !FaultCells.forPhaseAndKind(phase, kind, toxics()).applicable()) {
          continue;
        }
        if (phase == Phase.BETWEEN) {
          shapes.add(new FaultShape(phase, kind, Delivery.SERVER_RESTART, false));
          shapes.add(new FaultShape(phase, kind, Delivery.PROXY_TOGGLE, false));
        } else {
          shapes.add(new FaultShape(phase, kind, Delivery.TOXIC, false));
        }
      }
    }
    return shapes;
  }
}
