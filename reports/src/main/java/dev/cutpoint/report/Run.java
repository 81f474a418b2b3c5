package dev.cutpoint.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run's metadata.
 *
 * @param seed the run's seed: with the same seed, targets and tries, a run generates the same cases
 * @param triesPerCell how many cases each applicable cell was to get
 * @param targets the targets run, in the order the report shows them
 * @param skippedTargets the targets asked for but not run
 * @param workers how many cases ran at once on each target; empty only in a report of schema 1
 * @param mutant the deliberately wrong client or server the run used ({@code none} for the real
 *     ones); empty in a report written before it was recorded
 * @param ending how a run that did not finish ended ({@code interrupted after 145 of 252 cases}):
 *     its report holds only the cases that finished; empty for a run that finished
 * @param shard {@code I/N} when this report holds the I-th of N parts of the run's cases
 *     ({@code --shard}); empty for a whole run, and for a merge of every shard
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
    Map<String, Integer> workers,
    Optional<String> mutant,
    Optional<String> ending,
    Optional<String> shard) {

  /** A run that finished, with no mutant recorded. */
  public Run(long seed, int triesPerCell, List<String> targets, List<SkippedTarget> skippedTargets,
      ProxyProvider toxiproxy, Versions versions, Instant startedAt, Duration duration, Map<String, Integer> workers) {
    this(seed, triesPerCell, targets, skippedTargets, toxiproxy, versions, startedAt, duration, workers,
        Optional.empty(), Optional.empty(), Optional.empty());
  }

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
    mutant = Checks.optional(mutant);
    ending = Checks.optional(ending);
    ending.ifPresent(text -> Checks.text("ending", text));
    shard = Checks.optional(shard);
    shard.ifPresent(text -> {
      if (!text.matches("\\d+/\\d+")) {
        throw new IllegalArgumentException("shard is I/N, was " + text);
      }
    });
  }

  /** Whether the run finished, so that its report holds every case it planned. */
  public boolean finished() {
    return ending.isEmpty();
  }

  /** The same run, ended as {@code how} before it finished. */
  public Run endedEarly(String how) {
    return new Run(seed, triesPerCell, targets, skippedTargets, toxiproxy, versions, startedAt, duration, workers,
        mutant, Optional.of(how), shard);
  }

  /**
   * The whole run of which this and other shards are parts: the earliest start, the longest
   * shard's duration (they run side by side), no shard.
   */
  public Run merged(Instant earliestStart, Duration longest) {
    return new Run(seed, triesPerCell, targets, skippedTargets, toxiproxy, versions, earliestStart, longest, workers,
        mutant, ending, Optional.empty());
  }
}
