package dev.cutpoint.history;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a case sets out to do: the seed it came from, the target it ran against, the client (its
 * name and retry policy, e.g. {@code java/default}, {@code java/noretry}, {@code breezy}), the
 * server's state before the first request, the request sequence, and the fault — empty for a
 * case without one.
 */
public record Scenario(
    long seed,
    String target,
    String client,
    ServerState initialState,
    List<Request> requests,
    Optional<FaultPlan> fault) {

  public Scenario {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(initialState, "initialState");
    requests = List.copyOf(Objects.requireNonNull(requests, "requests"));
    Objects.requireNonNull(fault, "fault");
    if (requests.isEmpty()) {
      throw new IllegalArgumentException("a scenario has at least one request");
    }
    for (int i = 0; i < requests.size(); i++) {
      if (requests.get(i).index() != i) {
        throw new IllegalArgumentException(
            "requests are indexed 0, 1, … in order; position " + i + " has index " + requests.get(i).index());
      }
    }
    if (fault.isPresent() && fault.get().requestIndex() >= requests.size()) {
      throw new IllegalArgumentException(
          "the fault names request " + fault.get().requestIndex() + " of " + requests.size());
    }
  }
}
