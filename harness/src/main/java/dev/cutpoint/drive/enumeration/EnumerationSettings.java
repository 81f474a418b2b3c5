package dev.cutpoint.drive.enumeration;

import dev.cutpoint.drive.ClientCommand;
import dev.cutpoint.drive.Mutant;
import dev.cutpoint.drive.ServerCommand;
import dev.cutpoint.drive.Shard;
import dev.cutpoint.drive.TargetSettings;
import dev.cutpoint.drive.breezy.BreezyInstallation;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * An enumeration: the workload, the one target, the mutant, the Toxiproxy, the stride inside large
 * bodies, the cap on cases, the seed (the order the cases run in, spread over the workers), the
 * workers, where the report goes, and the Breezy every real-Breezy side runs.
 */
public record EnumerationSettings(
    EnumerationWorkload workload,
    String target,
    Mutant mutant,
    Optional<String> toxiproxy,
    long stride,
    Optional<Integer> maxCases,
    long seed,
    int workers,
    Path out,
    Optional<ServerCommand> serverCommand,
    Optional<ClientCommand> clientCommand,
    BreezyInstallation breezy,
    Shard shard) {

  /** Inside a body part longer than this, every 64 KiB: 16 cut points across the built-in 1 MiB body. */
  public static final long DEFAULT_STRIDE = 64 * 1024;
  public static final Path DEFAULT_OUT = Path.of("reports", "target", "enumerate");

  public EnumerationSettings {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(mutant, "mutant");
    Objects.requireNonNull(toxiproxy, "toxiproxy");
    if (stride < 1) {
      throw new IllegalArgumentException("the stride must be at least 1 byte, was " + stride);
    }
    Objects.requireNonNull(maxCases, "maxCases");
    maxCases.ifPresent(n -> {
      if (n < 1) {
        throw new IllegalArgumentException("--max-cases must be at least 1, was " + n);
      }
    });
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, was " + workers);
    }
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(serverCommand, "serverCommand");
    Objects.requireNonNull(clientCommand, "clientCommand");
    Objects.requireNonNull(breezy, "breezy");
    Objects.requireNonNull(shard, "shard");
  }

  /** The whole enumeration, not a shard of it. */
  public EnumerationSettings(EnumerationWorkload workload, String target, Mutant mutant, Optional<String> toxiproxy,
      long stride, Optional<Integer> maxCases, long seed, int workers, Path out, Optional<ServerCommand> serverCommand,
      Optional<ClientCommand> clientCommand, BreezyInstallation breezy) {
    this(workload, target, mutant, toxiproxy, stride, maxCases, seed, workers, out, serverCommand, clientCommand,
        breezy, Shard.ALL);
  }

  /** The settings of each instance of the target. */
  public TargetSettings targetSettings() {
    return TargetSettings.defaults().withMutant(mutant).withToxiproxy(toxiproxy).withServerCommand(serverCommand)
        .withClientCommand(clientCommand).withBreezy(breezy);
  }
}
