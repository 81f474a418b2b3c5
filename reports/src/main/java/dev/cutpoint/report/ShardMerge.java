package dev.cutpoint.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The report of a run split across machines ({@code --shard I/N}), from its shards' reports: the
 * cases of all of them, counted as if one machine had run them. It refuses shards of different runs,
 * a shard given twice, a missing shard and a whole run, each in one line.
 */
public final class ShardMerge {

  private ShardMerge() {}

  /** @throws IllegalArgumentException naming the shard that does not belong, and why */
  public static MatrixReport merge(List<MatrixReport> shards) {
    if (shards.isEmpty()) {
      throw new IllegalArgumentException("no shard to merge");
    }
    MatrixReport first = shards.get(0);
    int count = partCount(first);
    Set<Integer> seen = new HashSet<>();
    for (MatrixReport shard : shards) {
      String part = shard.run().shard().orElseThrow(() -> new IllegalArgumentException(
          "a report of a whole run (seed " + shard.run().seed() + ") is not a shard: nothing to merge it with"));
      sameRun(first, shard, part);
      if (partCount(shard) != count) {
        throw new IllegalArgumentException("shard " + part + " is of a run split in " + partCount(shard)
            + ", not " + count);
      }
      if (!seen.add(partIndex(shard))) {
        throw new IllegalArgumentException("shard " + part + " is given twice");
      }
    }
    Set<Integer> missing = new TreeSet<>();
    for (int i = 1; i <= count; i++) {
      if (!seen.contains(i)) {
        missing.add(i);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("shard " + missing.iterator().next() + "/" + count
          + " is missing: the merge of a run needs every shard" + (missing.size() > 1 ? " (" + missing.size() + " missing)" : ""));
    }
    Map<CellKey, String> notApplicable = new LinkedHashMap<>();
    Set<CellKey> embeddedOnly = new HashSet<>();
    for (Cell cell : first.cells()) {
      cell.notApplicable().ifPresent(reason -> notApplicable.put(cell.key(), reason));
      if (cell.embeddedOnly()) {
        embeddedOnly.add(cell.key());
      }
    }
    List<CaseRecord> cases = new ArrayList<>();
    shards.forEach(shard -> cases.addAll(shard.cases()));
    Instant earliest = shards.stream().map(s -> s.run().startedAt()).min(Comparator.naturalOrder()).orElseThrow();
    Duration longest = shards.stream().map(s -> s.run().duration()).max(Comparator.naturalOrder()).orElseThrow();
    return MatrixReport.tally(first.run().merged(earliest, longest), first.axes(), notApplicable, embeddedOnly, cases,
        first.expectations());
  }

  /** The same seed, tries, targets, mutant and cutpoint: else the shards drew different cases. */
  private static void sameRun(MatrixReport first, MatrixReport shard, String part) {
    Run a = first.run();
    Run b = shard.run();
    List<String> differences = new ArrayList<>();
    if (a.seed() != b.seed()) {
      differences.add("seed " + b.seed() + ", not " + a.seed());
    }
    if (a.triesPerCell() != b.triesPerCell()) {
      differences.add(b.triesPerCell() + " tries per cell, not " + a.triesPerCell());
    }
    if (!a.targets().equals(b.targets())) {
      differences.add("targets " + String.join(",", b.targets()) + ", not " + String.join(",", a.targets()));
    }
    if (!a.mutant().equals(b.mutant())) {
      differences.add("mutant " + b.mutant().orElse("?") + ", not " + a.mutant().orElse("?"));
    }
    if (!a.versions().cutpoint().equals(b.versions().cutpoint())) {
      differences.add("cutpoint " + b.versions().cutpoint() + ", not " + a.versions().cutpoint());
    }
    if (!differences.isEmpty()) {
      throw new IllegalArgumentException("shard " + part + " is of another run: " + String.join("; ", differences));
    }
  }

  private static int partIndex(MatrixReport shard) {
    return Integer.parseInt(shard.run().shard().orElseThrow().split("/")[0]);
  }

  private static int partCount(MatrixReport shard) {
    return Integer.parseInt(shard.run().shard().orElseThrow(() -> new IllegalArgumentException(
        "a report of a whole run (seed " + shard.run().seed() + ") is not a shard: nothing to merge it with"))
        .split("/")[1]);
  }
}
