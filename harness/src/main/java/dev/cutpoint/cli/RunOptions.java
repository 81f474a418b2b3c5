package dev.cutpoint.cli;

import dev.cutpoint.drive.ClientCommand;
import dev.cutpoint.drive.Mutant;
import dev.cutpoint.drive.ServerCommand;
import dev.cutpoint.drive.Shard;
import java.security.SecureRandom;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The options a run of cases shares with {@code matrix}, mixed in ({@code @Mixin}) with the same
 * names, meanings and checks: the seed, the Toxiproxy, the mutant, the workers, and the user's own
 * server or client.
 */
@Command
final class RunOptions {

  /** The most workers a run may ask for. */
  static final int MAX_WORKERS = 64;

  @Option(names = "--seed", paramLabel = "S", description = "The run's seed (default: a random one, printed).")
  Long seed;

  @Option(names = "--toxiproxy", paramLabel = "P",
      description = "embedded, an http://host:port URL, or a toxiproxy-server binary (default: cutpoint.toxiproxy, TOXIPROXY_URL, else embedded).")
  String toxiproxy;

  @Option(names = "--mutant", paramLabel = "NAME", defaultValue = "none",
      description = "Run a deliberately wrong client or server (default: ${DEFAULT-VALUE}; accepted: none, resend-all, resend-none, resend-started-stream, resend-forever, no-timeout, server-executes-partial).")
  String mutant;

  @Option(names = "--workers", paramLabel = "W",
      description = "Cases run at once on each target (default, as in Maven: four per core, at most 8, on java; one per core on a Breezy target).")
  Integer workers;

  @Option(names = "--server-command", paramLabel = "CMD",
      description = "Your own bzr smart server, as the server of the target server-command: a shell command with {host}, {port} and {dir}, e.g. 'brz serve --listen={host} --port={port} --directory={dir} --allow-writes'. It is started per run and per restart, ready when it accepts, and judged from the directory's state.")
  String serverCommand;

  @Option(names = "--client-command", paramLabel = "CMD",
      description = "Your own bzr smart client, as the client of the target client-command: a shell command that speaks the driver protocol of docs/driver-protocol.md on its stdin and stdout. It runs against the reference server and its journal.")
  String clientCommand;

  @Option(names = "--shard", paramLabel = "I/N", description = "Run only the I-th of N parts of the run's cases (or cut points) "
      + "(a deterministic partition by case id: N machines together run exactly the cases of one run); "
      + "'cutpoint merge' joins the shards' reports. Maven: cutpoint.shard.")
  String shard;

  /** The seed given, else a random one. */
  long seed() {
    return seed != null ? seed : new SecureRandom().nextLong();
  }

  Optional<String> toxiproxy() {
    return Optional.ofNullable(toxiproxy);
  }

  /** @throws IllegalArgumentException naming the option and the accepted values */
  Mutant mutant() {
    try {
      return Mutant.byLabel(mutant);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--mutant: " + e.getMessage());
    }
  }

  /** The workers given, checked; empty for the target's default. */
  Optional<Integer> workers() {
    if (workers != null && (workers < 1 || workers > MAX_WORKERS)) {
      throw new IllegalArgumentException("--workers must be between 1 and " + MAX_WORKERS + ", was " + workers);
    }
    return Optional.ofNullable(workers);
  }

  /** The part of the run to run here; the whole run unless {@code --shard} is given. */
  Shard shard() {
    try {
      return shard == null ? Shard.ALL : Shard.parse(shard);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--shard: " + e.getMessage());
    }
  }

  Optional<ServerCommand> serverCommand() {
    try {
      return Optional.ofNullable(serverCommand).map(ServerCommand::new);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--server-command: " + e.getMessage());
    }
  }

  Optional<ClientCommand> clientCommand() {
    try {
      return Optional.ofNullable(clientCommand).map(ClientCommand::new);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--client-command: " + e.getMessage());
    }
  }
}
