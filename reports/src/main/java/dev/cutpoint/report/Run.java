package dev.cutpoint.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The run's metadata.
 *
 * @param seed the run's seed: with the same seed, targets and tries, a run generates the same cases
 * @param triesPerCell how many cases each applicable cell was to get
 * @param targets the targets run, in the order the report shows them
 * @param skippedTargets the targets asked for but not run
 */
public record Run(
    long seed,
    int triesPerCell,
    List<String> targets,
    List<SkippedTarget> skippedTargets,
    ProxyProvider toxiproxy,
    Versions versions,
    Instant startedAt,
    Duration duration) {

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
  }
}
