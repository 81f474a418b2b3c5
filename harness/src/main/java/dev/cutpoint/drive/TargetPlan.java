package dev.cutpoint.drive;

import dev.cutpoint.fault.Applicability;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A target's part of a run before its first case: every cell with its applicability, the Toxiproxy
 * it runs through, how many cases are planned and how many run at once.
 */
public record TargetPlan(
    String target,
    String toxiproxy,
    String toxiproxyVersion,
    Map<MatrixCell, Applicability> cells,
    long plannedCases,
    int workers) {

  public TargetPlan {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(toxiproxy, "toxiproxy");
    Objects.requireNonNull(toxiproxyVersion, "toxiproxyVersion");
    cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
  }
}
