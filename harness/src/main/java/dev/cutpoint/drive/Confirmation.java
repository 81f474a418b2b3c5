package dev.cutpoint.drive;

import dev.cutpoint.check.Invariant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the replays of a violating case showed before it was reported (SPEC §7, {@code --confirm
 * K}): how many ran, and in how many each invariant broke again. A replay the harness could not run
 * counts as one that did not reproduce, and says why in {@code failures}.
 *
 * @param replays the replays run, K
 * @param reproduced for each invariant broken in at least one replay, in how many
 * @param failures why replays could not run, one line each
 */
public record Confirmation(int replays, Map<Invariant, Integer> reproduced, List<String> failures) {

  public Confirmation {
    if (replays < 1) {
      throw new IllegalArgumentException("replays must be at least 1, was " + replays);
    }
    Objects.requireNonNull(reproduced, "reproduced");
    reproduced.forEach((invariant, n) -> {
      if (n < 1 || n > replays) {
        throw new IllegalArgumentException(invariant + " reproduced " + n + " times in " + replays + " replays");
      }
    });
    reproduced = Collections.unmodifiableMap(reproduced.isEmpty()
        ? new EnumMap<>(Invariant.class) : new EnumMap<>(reproduced));
    failures = List.copyOf(failures);
  }

  /** {@code replays} replays of one case, of which {@code ran} ran and {@code failures} could not. */
  static Confirmation of(int replays, List<CaseResult> ran, List<String> failures) {
    Map<Invariant, Integer> counts = new EnumMap<>(Invariant.class);
    for (CaseResult replay : ran) {
      replay.verdict().violations().stream().map(v -> v.invariant()).distinct()
          .forEach(invariant -> counts.merge(invariant, 1, Integer::sum));
    }
    return new Confirmation(replays, counts, failures);
  }

  /** In how many replays {@code invariant} broke again. */
  public int of(Invariant invariant) {
    return reproduced.getOrDefault(invariant, 0);
  }
}
