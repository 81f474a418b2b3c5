package dev.cutpoint.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one count of a run's violations, the same on the console's last line, in {@code summary.md},
 * in {@code index.html}, in {@code matrix.json} and in Maven's failure message: violating cases,
 * and for each invariant how many of those cases broke it (a case that broke two invariants counts
 * once in the total and once under each).
 *
 * @param cases cases with at least one violation
 * @param expected of those, the cases whose every violation a reviewed finding covers
 * @param byInvariant for each invariant broken, the number of cases that broke it
 */
public record ViolationCount(long cases, long expected, Map<InvariantId, Long> byInvariant) {

  public static final ViolationCount NONE = new ViolationCount(0, 0, Map.of());

  public ViolationCount {
    Checks.notNegative("cases", cases);
    Checks.notNegative("expected", expected);
    if (expected > cases) {
      throw new IllegalArgumentException("expected " + expected + " of " + cases + " violating cases");
    }
    Map<InvariantId, Long> ordered = new EnumMap<>(InvariantId.class);
    ordered.putAll(Checks.present("byInvariant", byInvariant));
    byInvariant = java.util.Collections.unmodifiableMap(ordered);
  }

  /** Violating cases that no reviewed finding covers entirely: the ones that fail a run. */
  public long fresh() {
    return cases - expected;
  }

  /** This count with one more case that broke {@code invariants}; {@code covered} when every one is expected. */
  public ViolationCount plus(Collection<InvariantId> invariants, boolean covered) {
    if (invariants.isEmpty()) {
      return this;
    }
    Map<InvariantId, Long> counts = new EnumMap<>(InvariantId.class);
    counts.putAll(byInvariant);
    invariants.stream().distinct().forEach(i -> counts.merge(i, 1L, Long::sum));
    return new ViolationCount(cases + 1, expected + (covered ? 1 : 0), counts);
  }

  /** The count of a report's cases. */
  public static ViolationCount of(List<Finding> findings) {
    Map<String, List<Finding>> byCase = new java.util.LinkedHashMap<>();
    findings.forEach(f -> byCase.computeIfAbsent(f.caseRecord().id(), id -> new ArrayList<>()).add(f));
    ViolationCount count = NONE;
    for (List<Finding> found : byCase.values()) {
      count = count.plus(found.stream().map(f -> f.violation().invariant()).toList(),
          found.stream().noneMatch(Finding::isNew));
    }
    return count;
  }

  /**
   * {@code 28 violating cases (I2 in 8, I4 in 28)}, {@code 3 violating cases (3 expected; I3 in 3)},
   * {@code 0 violating cases}.
   */
  public String describe() {
    StringBuilder text = new StringBuilder().append(cases).append(cases == 1 ? " violating case" : " violating cases");
    if (cases == 0) {
      return text.toString();
    }
    List<String> parts = new ArrayList<>();
    byInvariant.forEach((invariant, n) -> parts.add(invariant + " in " + n));
    text.append(" (");
    if (expected > 0) {
      text.append(expected == cases ? "all" : Long.toString(expected)).append(" expected; ");
    }
    return text.append(String.join(", ", parts)).append(')').toString();
  }
}
