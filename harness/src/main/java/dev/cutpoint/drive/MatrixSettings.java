package dev.cutpoint.drive;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A fault-matrix run: which targets, how many cases per applicable cell, the seed every case is
 * drawn from, the Toxiproxy to use, the mutant (if any), where the report goes and what to compare
 * it with, whether violating cases are shrunk, and how many cases run at once (each worker has its
 * own server and proxy: a case spends most of its time waiting on loopback hops, so a few workers
 * per core pay off).
 */
public record MatrixSettings(
    List<String> targets,
    int tries,
    long seed,
    Optional<String> toxiproxy,
    Mutant mutant,
    Path out,
    Optional<Path> baseline,
    boolean minimize,
    int workers) {

  /** Where {@code mvn verify -Pfault-matrix} and the CLI write the report by default. */
  public static final Path DEFAULT_OUT = Path.of("reports", "target", "fault-matrix");
  public static final int DEFAULT_TRIES = 3;

  public MatrixSettings {
    targets = List.copyOf(targets);
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("a run needs at least one target");
    }
    if (tries < 1) {
      throw new IllegalArgumentException("tries must be at least 1, was " + tries);
    }
    Objects.requireNonNull(toxiproxy, "toxiproxy");
    Objects.requireNonNull(mutant, "mutant");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(baseline, "baseline");
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, was " + workers);
    }
  }

  /**
   * Four workers per core, at most eight: a case mostly waits on loopback hops and on the client's
   * timeout in black-hole cells, so more workers than cores pay off until the CPU is busy.
   */
  public static int defaultWorkers() {
    return Math.min(8, 4 * Runtime.getRuntime().availableProcessors());
  }

  /**
   * The settings of a Maven run (SPEC §2): {@code cutpoint.targets} ({@code java}, a comma list,
   * or {@code all}), {@code cutpoint.tries}, {@code cutpoint.seed} (blank: a random seed),
   * {@code cutpoint.toxiproxy}, {@code cutpoint.baseline} (blank: none), the report under
   * {@code cutpoint.root}'s {@code reports/target/fault-matrix}.
   *
   * @throws IllegalArgumentException naming the property and the accepted values
   */
  public static MatrixSettings fromSystemProperties(java.util.Properties properties) {
    List<String> targets = new java.util.ArrayList<>();
    for (String name : properties.getProperty("cutpoint.targets", "java").split(",")) {
      String target = name.trim();
      if (target.equals("all")) {
        targets.addAll(Targets.NAMES);
      } else if (Targets.NAMES.contains(target)) {
        targets.add(target);
      } else {
        throw new IllegalArgumentException("cutpoint.targets: unknown target '" + target + "'; accepted: "
            + String.join(", ", Targets.NAMES) + ", all");
      }
    }
    int tries;
    String triesText = properties.getProperty("cutpoint.tries", Integer.toString(DEFAULT_TRIES)).trim();
    try {
      tries = Integer.parseInt(triesText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("cutpoint.tries: '" + triesText + "' is not a whole number of at least 1");
    }
    if (tries < 1) {
      throw new IllegalArgumentException("cutpoint.tries: " + tries + " is not a whole number of at least 1");
    }
    String seedText = properties.getProperty("cutpoint.seed", "").trim();
    long seed;
    try {
      seed = seedText.isEmpty() ? new java.security.SecureRandom().nextLong() : Long.parseLong(seedText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("cutpoint.seed: '" + seedText + "' is not a 64-bit integer (or blank for a random seed)");
    }
    String toxiproxy = properties.getProperty("cutpoint.toxiproxy", "").trim();
    String baseline = properties.getProperty("cutpoint.baseline", "").trim();
    Path root = Path.of(properties.getProperty("cutpoint.root", "."));
    return new MatrixSettings(
        targets.stream().distinct().toList(), tries, seed,
        toxiproxy.isEmpty() ? Optional.empty() : Optional.of(toxiproxy),
        Mutant.NONE, root.resolve(DEFAULT_OUT),
        baseline.isEmpty() ? Optional.empty() : Optional.of(Path.of(baseline)),
        true, defaultWorkers());
  }

  /** The java target, {@link #DEFAULT_TRIES} tries, this seed, the correct system, the default out dir. */
  public static MatrixSettings of(long seed) {
    return new MatrixSettings(
        List.of(JavaTarget.NAME), DEFAULT_TRIES, seed, Optional.empty(), Mutant.NONE, DEFAULT_OUT,
        Optional.empty(), true, defaultWorkers());
  }

  public MatrixSettings withTries(int newTries) {
    return new MatrixSettings(targets, newTries, seed, toxiproxy, mutant, out, baseline, minimize, workers);
  }

  public MatrixSettings withMutant(Mutant newMutant) {
    return new MatrixSettings(targets, tries, seed, toxiproxy, newMutant, out, baseline, minimize, workers);
  }

  public MatrixSettings withOut(Path newOut) {
    return new MatrixSettings(targets, tries, seed, toxiproxy, mutant, newOut, baseline, minimize, workers);
  }

  public MatrixSettings withToxiproxy(Optional<String> newToxiproxy) {
    return new MatrixSettings(targets, tries, seed, newToxiproxy, mutant, out, baseline, minimize, workers);
  }

  public MatrixSettings withBaseline(Optional<Path> newBaseline) {
    return new MatrixSettings(targets, tries, seed, toxiproxy, mutant, out, newBaseline, minimize, workers);
  }

  public MatrixSettings withTargets(List<String> newTargets) {
    return new MatrixSettings(newTargets, tries, seed, toxiproxy, mutant, out, baseline, minimize, workers);
  }

  public MatrixSettings withMinimize(boolean newMinimize) {
    return new MatrixSettings(targets, tries, seed, toxiproxy, mutant, out, baseline, newMinimize, workers);
  }

  public MatrixSettings withWorkers(int newWorkers) {
    return new MatrixSettings(targets, tries, seed, toxiproxy, mutant, out, baseline, minimize, newWorkers);
  }

  /** The settings of each target of this run. */
  public TargetSettings targetSettings() {
    return TargetSettings.defaults().withMutant(mutant).withToxiproxy(toxiproxy);
  }
}
