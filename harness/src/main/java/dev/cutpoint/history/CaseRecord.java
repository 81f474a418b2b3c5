package dev.cutpoint.history;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything recorded about one case: the scenario, one call per request in order (a prefix when
 * the driver stopped early), the server's journal when the target keeps one, the final state, what
 * the nemesis did, and the probe call. Written by the driver, judged by the oracle, rendered by the
 * report, replayed from JSON ({@link HistoryJson}).
 */
public record CaseRecord(
    Scenario scenario,
    List<Call> calls,
    Optional<Journal> journal,
    ServerState finalState,
    Injection injection,
    Probe probe) {

  public CaseRecord {
    Objects.requireNonNull(scenario, "scenario");
    calls = List.copyOf(Objects.requireNonNull(calls, "calls"));
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(finalState, "finalState");
    Objects.requireNonNull(injection, "injection");
    Objects.requireNonNull(probe, "probe");
    if (calls.size() > scenario.requests().size()) {
      throw new IllegalArgumentException(
          calls.size() + " calls for " + scenario.requests().size() + " requests");
    }
    for (int i = 0; i < calls.size(); i++) {
      if (calls.get(i).requestIndex() != i) {
        throw new IllegalArgumentException(
            "call " + i + " carries request " + calls.get(i).requestIndex() + "; calls follow the sequence");
      }
    }
    if (probe.request().index() != scenario.requests().size()) {
      throw new IllegalArgumentException(
          "the probe's request takes the index after the sequence, " + scenario.requests().size());
    }
  }

  /** The request a call carried. */
  public Request request(Call call) {
    return scenario.requests().get(call.requestIndex());
  }
}
