package dev.cutpoint.drive;

import dev.cutpoint.drive.breezy.BreezyInstallation;
import dev.cutpoint.drive.breezy.BreezyTargets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A fault-matrix run: which targets, how many cases per applicable cell, the seed every case is
 * drawn from, the Toxiproxy to use, the mutant (if any), where the report goes and what to compare
 * it with, whether violating cases are shrunk, how many cases run at once ({@code workers}: empty
 * for each target's default, {@link #defaultWorkers(String)}; each worker has its own server and
 * proxy), how many times each new violation is replayed before it is reported ({@code
 * confirm}, SPEC §7; 0 for none), and the user's own server for the target {@code server-command}
 * ({@code serverCommand}) and own client for the target {@code client-command} ({@code clientCommand}),
 * and the Breezy the real-Breezy targets run ({@code breezy}: {@code --breezy PATH}, else the
 * system's).
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
    Optional<Integer> workers,
    int confirm,
    Optional<ServerCommand> serverCommand,
    Optional<ClientCommand> clientCommand,
    BreezyInstallation breezy,
    Shard shard) {

  /** Where {@code mvn verify -Pfault-matrix} and the CLI write the report by default. */
  public static final Path DEFAULT_OUT = Path.of("reports", "target", "fault-matrix");
  public static final int DEFAULT_TRIES = 3;
  /** Replays of each new violation: enough to tell a steady violation from a one-off. */
  public static final int DEFAULT_CONFIRM = 3;
  /** The most replays a violation may ask for: each costs a case, and more say little more. */
  public static final int MAX_CONFIRM = 100;

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
    Objects.requireNonNull(workers, "workers");
    workers.ifPresent(w -> {
      if (w < 1) {
        throw new IllegalArgumentException("workers must be at least 1, was " + w);
      }
    });
    Objects.requireNonNull(serverCommand, "serverCommand");
    Objects.requireNonNull(clientCommand, "clientCommand");
    if (confirm < 0 || confirm > MAX_CONFIRM) {
      throw new IllegalArgumentException("confirm must be between 0 and " + MAX_CONFIRM + ", was " + confirm);
    }
    Objects.requireNonNull(breezy, "breezy");
    Objects.requireNonNull(shard, "shard");
  }

  /** The whole run, not a shard of it. */
  public MatrixSettings(List<String> targets, int tries, long seed, Optional<String> toxiproxy, Mutant mutant,
      Path out, Optional<Path> baseline, boolean minimize, Optional<Integer> workers, int confirm,
      Optional<ServerCommand> serverCommand, Optional<ClientCommand> clientCommand, BreezyInstallation breezy) {
    this(targets, tries, seed, toxiproxy, mutant, out, baseline, minimize, workers, confirm, serverCommand,
        clientCommand, breezy, Shard.ALL);
  }

  /** A run with the system's Breezy. */
  public MatrixSettings(List<String> targets, int tries, long seed, Optional<String> toxiproxy, Mutant mutant,
      Path out, Optional<Path> baseline, boolean minimize, Optional<Integer> workers, int confirm,
      Optional<ServerCommand> serverCommand, Optional<ClientCommand> clientCommand) {
    this(targets, tries, seed, toxiproxy, mutant, out, baseline, minimize, workers, confirm, serverCommand,
        clientCommand, BreezyInstallation.system());
  }

  /**
   * How many cases run at once on a target unless told otherwise, the one rule of the CLI and of
   * Maven. The java target: four per core, at most eight (a case mostly waits on loopback hops, so
   * more workers than cores pay off until the CPU is busy). A Breezy target: one per core, because
   * Python does the work in its cases; more workers than cores starve {@code brz serve}, whose calls
   * then outlast the client's timeout (a false I3/I8, seen at eight workers on 2 cores).
   */
  public static int defaultWorkers(String target) {
    int cores = Runtime.getRuntime().availableProcessors();
    return BreezyTargets.NAMES.contains(target) ? cores : Math.min(8, 4 * cores);
  }

  /** The cases run at once on {@code target}: the number given, else its default. */
  public int workers(String target) {
    return workers.orElseGet(() -> defaultWorkers(target));
  }

  /** {@code java 8, breezy 2}: the workers of each target, as the run line says them. */
  public String workersLine() {
    return String.join(", ", targets.stream().map(t -> t + " " + workers(t)).toList());
  }

  /**
   * The settings of a Maven run (SPEC §2): {@code cutpoint.targets} ({@code java}, a comma list,
   * or {@code all}), {@code cutpoint.tries}, {@code cutpoint.seed} (blank: a random seed),
   * {@code cutpoint.toxiproxy}, {@code cutpoint.baseline} (blank: none), {@code cutpoint.confirm}
   * (blank: {@value #DEFAULT_CONFIRM}), {@code cutpoint.breezy} (blank: the system's Breezy; else a
   * directory holding the {@code breezy} package, checked now), the report under {@code cutpoint.root}'s
   * {@code reports/target/fault-matrix}.
   *
   * @throws IllegalArgumentException naming the property and the accepted values
   */
  public static MatrixSettings fromSystemProperties(java.util.Properties properties) {
    String command = properties.getProperty("cutpoint.server.command", "").trim();
    Optional<ServerCommand> serverCommand;
    try {
      serverCommand = command.isEmpty() ? Optional.empty() : Optional.of(new ServerCommand(command));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cutpoint.server.command: " + e.getMessage());
    }
    String clientText = properties.getProperty("cutpoint.client.command", "").trim();
    Optional<ClientCommand> clientCommand;
    try {
      clientCommand = clientText.isEmpty() ? Optional.empty() : Optional.of(new ClientCommand(clientText));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cutpoint.client.command: " + e.getMessage());
    }
    String targetsText = properties.getProperty("cutpoint.targets", "").trim();
    List<String> targets = Targets.resolve("cutpoint.targets",
        targetsText.isEmpty() ? List.of() : List.of(targetsText.split(",")), serverCommand, clientCommand);
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
    int confirm = confirmProperty(properties.getProperty("cutpoint.confirm", "").trim());
    String toxiproxy = properties.getProperty("cutpoint.toxiproxy", "").trim();
    String baseline = properties.getProperty("cutpoint.baseline", "").trim();
    Path root = Path.of(properties.getProperty("cutpoint.root", "."));
    String breezyText = properties.getProperty("cutpoint.breezy", "").trim();
    BreezyInstallation breezy = breezyText.isEmpty()
        ? BreezyInstallation.system() : BreezyTargets.chosen("cutpoint.breezy", Path.of(breezyText));
    return new MatrixSettings(
        targets, tries, seed,
        toxiproxy.isEmpty() ? Optional.empty() : Optional.of(toxiproxy),
        Mutant.NONE, root.resolve(DEFAULT_OUT),
        baseline.isEmpty() ? Optional.empty() : Optional.of(Path.of(baseline)),
        true, Optional.empty(), confirm, serverCommand, clientCommand, breezy);
  }

  /**
   * {@code cutpoint.confirm}: blank for {@value #DEFAULT_CONFIRM}, else a whole number from 0 to
   * {@value #MAX_CONFIRM}.
   *
   * @throws IllegalArgumentException naming the property and the accepted values
   */
  public static int confirmProperty(String text) {
    if (text.isBlank()) {
      return DEFAULT_CONFIRM;
    }
    try {
      int confirm = Integer.parseInt(text.trim());
      if (confirm >= 0 && confirm <= MAX_CONFIRM) {
        return confirm;
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted values
    }
    throw new IllegalArgumentException("cutpoint.confirm: '" + text + "' is not a whole number from 0 to "
        + MAX_CONFIRM + " (replays of each new violation; 0 for none)");
  }

  /** The java target, {@link #DEFAULT_TRIES} tries, this seed, the correct system, the default out dir. */
  public static MatrixSettings of(long seed) {
    return new MatrixSettings(
        List.of(JavaTarget.NAME), DEFAULT_TRIES, seed, Optional.empty(), Mutant.NONE, DEFAULT_OUT,
        Optional.empty(), true, Optional.empty(), DEFAULT_CONFIRM, Optional.empty(), Optional.empty());
  }

  public MatrixSettings withTries(int newTries) {
    return new MatrixSettings(targets, newTries, seed, toxiproxy, mutant, out, baseline, minimize, workers, confirm, serverCommand, clientCommand, breezy, shard);
  }

  public MatrixSettings withMutant(Mutant newMutant) {
    return new MatrixSettings(targets, tries, seed, toxiproxy, newMutant, out, baseline, minimize, workers, confirm, serverCommand, clientCommand, breezy, shard);
  }

  public MatrixSettings withOut(Path newOut) {
    return new MatrixSettings(targets, tries, seed, toxiproxy, mutant, newOut, baseline, minimize, workers, confirm, serverCommand, clientCommand, breezy, shard);
  }

  public MatrixSettings withToxiproxy(Optional<String> newToxiproxy) {
    return new MatrixSettings(targets, tries, seed, newToxiproxy, mutant, out, baseline, minimize, workers, confirm, serverCommand, clientCommand, breezy, shard);
  }

  public MatrixSettings withBaseline(Optional<Path> newBaseline) {
    return new MatrixSettings(targets, tries, seed, toxiproxy, mutant, out, newBaseline, minimize, workers, confirm, serverCommand, clientCommand, breezy, shard);
  }

  public MatrixSettings withTargets(List<String> newTargets) {
    return new MatrixSettings(newTargets, tries, seed, toxiproxy, mutant, out, baseline, minimize, workers, confirm, serverCommand, clientCommand, breezy, shard);
  }

  public MatrixSettings withMinimize(boolean newMinimize) {
    return new MatrixSettings(targets, tries, seed, toxiproxy, mutant, out, baseline, newMinimize, workers, confirm, serverCommand, clientCommand, breezy, shard);
  }

  public MatrixSettings withWorkers(int newWorkers) {
    return new MatrixSettings(targets, tries, seed, toxiproxy, mutant, out, baseline, minimize, Optional.of(newWorkers),
        confirm, serverCommand, clientCommand, breezy, shard);
  }

  public MatrixSettings withConfirm(int newConfirm) {
    return new MatrixSettings(targets, tries, seed, toxiproxy, mutant, out, baseline, minimize, workers, newConfirm, serverCommand, clientCommand, breezy, shard);
  }

  public MatrixSettings withBreezy(BreezyInstallation newBreezy) {
    return new MatrixSettings(targets, tries, seed, toxiproxy, mutant, out, baseline, minimize, workers, confirm,
        serverCommand, clientCommand, newBreezy, shard);
  }

  /** The same run, of which only {@code part}'s cases run here. */
  public MatrixSettings withShard(Shard part) {
    return new MatrixSettings(targets, tries, seed, toxiproxy, mutant, out, baseline, minimize, workers, confirm,
        serverCommand, clientCommand, breezy, part);
  }

  /** The settings of each target of this run. */
  public TargetSettings targetSettings() {
    return TargetSettings.defaults().withMutant(mutant).withToxiproxy(toxiproxy).withServerCommand(serverCommand)
        .withClientCommand(clientCommand).withBreezy(breezy);
  }
}
