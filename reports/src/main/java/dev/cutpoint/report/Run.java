package dev.cutpoint.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's metadata.
 *
 * @param seed the run's seed: with the same seed, targets and tries, a run generates the same cases
 * @param triesPerCell how many cases each applicable cell was to get
 * @param targets the targets run, in the order the report shows them
 * @param skippedTargets the targets asked for but not run
 * @param workers how many cases ran at once on each target; empty only in a report of schema 1
 */
public record Run(
    long seed,
    int triesPerCell,
    List<String> targets,
    List<SkippedTarget> skippedTargets,
    ProxyProvider toxiproxy,
    Versions versions,
    Instant startedAt,
    Duration duration,
    Map<String, Integer> workers) {

  public Run {
    if (triesPerCell < 1) {
      throw new IllegalArgumentException("triesPerCell must be 1 or more: " + triesPerCell);
    }
    targets = Checks.list("targets", targets);
    targets.forEach(target -> Checks.text("targets[]", target));
    if (targets.stream().distinct().count() != targets.size()) {
      throw new IllegalArgumentException("targets lists a target twice: " + targets);
    }
    skippedTargets = Checks.list("skippedTargets", skippedTargets);
    Checks.present("toxiproxy", toxiproxy);
    Checks.present("versions", versions);
    Checks.present("startedAt", startedAt);
    Checks.present("duration", duration);
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration is negative: " + duration);
    }
    Checks.present("workers", workers);
    for (Map.Entry<String, Integer> entry : workers.entrySet()) {
      if (!targets.contains(entry.getKey())) {
        throw new IllegalArgumentException("workers names " + entry.getKey() + ", which is not a target run");
      }
      if (entry.getValue() == null || entry.getValue() < 1) {
        throw new IllegalArgumentException("workers of " + entry.getKey() + " must be 1 or more: " + entry.getValue());
      }
    }
    // in the targets' order, whatever order the map came in
    Map<String, Integer> ordered = new LinkedHashMap<>();
    for (String target : targets) {
      if (workers.containsKey(target)) {
        ordered.put(target, workers.get(target));
      }
    }
    workers = Collections.unmodifiableMap(ordered);
  }
}
