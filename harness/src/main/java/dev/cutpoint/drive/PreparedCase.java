package dev.cutpoint.drive;

import dev.cutpoint.history.Scenario;
import java.util.List;
import java.util.Objects;

/**
 * A case ready to run: the scenario with its fault in concrete bytes, the response lengths the dry
 * run saw (one per request; 0 where the case's fault does not need them and the dry run was
 * skipped). Whether the fault is persistent is the plan's to say.
 */
public record PreparedCase(Scenario scenario, List<Long> responseLengths) {

  public PreparedCase {
    Objects.requireNonNull(scenario, "scenario");
    responseLengths = List.copyOf(responseLengths);
    if (responseLengths.size() != scenario.requests().size()) {
      throw new IllegalArgumentException(
          responseLengths.size() + " response lengths for " + scenario.requests().size() + " requests");
    }
  }
}
