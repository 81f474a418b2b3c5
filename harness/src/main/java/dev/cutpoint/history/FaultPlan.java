package dev.cutpoint.history;

import java.util.Objects;

/**
 * One fault for one case (SPEC §5, §6): which request, where in its life the cut falls, how far in
 * bytes, and of what kind. The offset is <i>k</i> request bytes for {@link Phase#WRITE} and
 * {@link Phase#FLUSH}, <i>j</i> response bytes for {@link Phase#READ}, and 0 for
 * {@link Phase#BETWEEN} and the non-fatal kinds, which have no cut point. A case without a fault
 * carries {@code Optional.empty()} instead of a plan.
 *
 * <p>A <i>persistent</i> plan is not cleared at the next connect: the server stays away for the
 * whole call, and every connection the call opens is hit the same way (SPEC §5.3). The oracle
 * judges such a case by it: a loud failure is then right.
 *
 * <p>The record checks only what holds for every request (non-negative values, BETWEEN delivered
 * between requests, the others by a toxic). It is a value of the recorded history: whether
 * Toxiproxy can cut there honestly, and the byte ranges of §5.1 against one request's length
 * <i>n</i> and its response's length <i>m</i>, are the fault layer's to check
 * ({@code FaultCells.validate}).
 */
public record FaultPlan(
    int requestIndex, Phase phase, long offset, FaultKind kind, Delivery delivery, boolean persistent) {

  public FaultPlan {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(delivery, "delivery");
    if (requestIndex < 0) {
      throw new IllegalArgumentException("requestIndex must be >= 0, was " + requestIndex);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, was " + offset);
    }
    if ((phase == Phase.BETWEEN) != delivery.betweenRequests()) {
      throw new IllegalArgumentException(
          "phase " + phase + " cannot be delivered by " + delivery
              + ": BETWEEN is a server restart or a proxy toggle, every other phase a toxic");
    }
  }

  /** A one-shot plan: it hits exactly one connection. */
  public FaultPlan(int requestIndex, Phase phase, long offset, FaultKind kind, Delivery delivery) {
    this(requestIndex, phase, offset, kind, delivery, false);
  }

  /** The same fault, staying for the whole call. */
  public FaultPlan persistently() {
    return new FaultPlan(requestIndex, phase, offset, kind, delivery, true);
  }

  /** A cut after {@code k} request bytes, 0 ≤ k &lt; n−1. */
  public static FaultPlan write(int requestIndex, long k, FaultKind kind) {
    return new FaultPlan(requestIndex, Phase.WRITE, k, kind, Delivery.TOXIC);
  }

  /** A cut at the request's end: {@code k} is n−1 (all but the terminal {@code e}) or n. */
  public static FaultPlan flush(int requestIndex, long k, FaultKind kind) {
    return new FaultPlan(requestIndex, Phase.FLUSH, k, kind, Delivery.TOXIC);
  }

  /** A cut after {@code j} response bytes, 0 ≤ j &lt; m. */
  public static FaultPlan read(int requestIndex, long j, FaultKind kind) {
    return new FaultPlan(requestIndex, Phase.READ, j, kind, Delivery.TOXIC);
  }

  /** A graceful close of every connection after response i−1, before request i. */
  public static FaultPlan between(int requestIndex, Delivery delivery) {
    return new FaultPlan(requestIndex, Phase.BETWEEN, 0, FaultKind.CLOSE, delivery);
  }

  /** A non-fatal toxic over the whole request ({@code WRITE}) or whole response ({@code READ}). */
  public static FaultPlan disturb(int requestIndex, Phase direction, FaultKind kind) {
    return new FaultPlan(requestIndex, direction, 0, kind, Delivery.TOXIC);
  }

  /**
   * What the server receives of the faulted request on the connection the fault hits, and so
   * whether that attempt can have executed (SPEC §5.1's "server sees" column).
   */
  public ServerReceipt serverReceipt(long n) {
    if (!kind.fatal()) {
      return ServerReceipt.COMPLETE;
    }
    return switch (phase) {
      case WRITE -> ServerReceipt.INCOMPLETE;
      case FLUSH -> offset >= n ? ServerReceipt.COMPLETE_MAYBE_EXECUTED : ServerReceipt.INCOMPLETE;
      case READ -> ServerReceipt.COMPLETE;
      case BETWEEN -> ServerReceipt.NOTHING;
    };
  }
}
