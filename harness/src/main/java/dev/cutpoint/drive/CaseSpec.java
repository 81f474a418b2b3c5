package dev.cutpoint.drive;

import dev.cutpoint.history.Delivery;
import java.util.List;
import java.util.Objects;

/**
 * A generated case before it meets a target: the requests, which one the fault hits, where in it as
 * a fraction of the phase's range (the planner turns it into bytes once the dry run has told the
 * lengths), how a BETWEEN fault is delivered, and whether the fault is persistent (stays for the
 * whole call instead of being cleared before the client's next connect).
 *
 * @param offsetFraction in [0, 1): WRITE k = ⌊f·(n−1)⌋, FLUSH n−1 below ½ and n above, READ
 *     j = ⌊f·m⌋; ignored where the cell allows only offset 0
 */
public record CaseSpec(
    String id,
    long seed,
    MatrixCell cell,
    List<RequestDraft> requests,
    int faultIndex,
    double offsetFraction,
    Delivery betweenDelivery,
    boolean persistent) {

  public CaseSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(cell, "cell");
    requests = List.copyOf(requests);
    Objects.requireNonNull(betweenDelivery, "betweenDelivery");
    if (requests.isEmpty() || faultIndex < 0 || faultIndex >= requests.size()) {
      throw new IllegalArgumentException(
          "fault index " + faultIndex + " outside a sequence of " + requests.size());
    }
    if (requests.get(faultIndex).verbClass() != cell.verbClass()) {
      throw new IllegalArgumentException(
          "the faulted request is " + requests.get(faultIndex).verbClass() + ", the cell " + cell.id());
    }
    if (offsetFraction < 0 || offsetFraction >= 1) {
      throw new IllegalArgumentException("offsetFraction must be in [0, 1), was " + offsetFraction);
    }
    if (!betweenDelivery.betweenRequests()) {
      throw new IllegalArgumentException("betweenDelivery is a restart or a toggle, was " + betweenDelivery);
    }
  }

  /** The same case with other requests (the faulted one moved to {@code newFaultIndex}). */
  public CaseSpec withRequests(List<RequestDraft> newRequests, int newFaultIndex) {
    return new CaseSpec(
        id, seed, cell, newRequests, newFaultIndex, offsetFraction, betweenDelivery, persistent);
  }
}
