package dev.cutpoint.drive;

import dev.cutpoint.drive.target.ProxiedTarget;
import dev.cutpoint.drive.target.ReferenceClient;
import dev.cutpoint.drive.target.ReferenceServer;
import java.io.IOException;
import java.util.Optional;

/**
 * The {@code java} target: the reference client against the reference server (in memory, on a
 * loopback ephemeral port), through one proxy of the configured Toxiproxy, run by the same case
 * loop as every other target.
 */
public final class JavaTarget {

  public static final String NAME = "java";

  private JavaTarget() {}

  /** Starts the server (with the mutant's switch), the Toxiproxy provider, the proxy and the client. */
  public static Target start(TargetSettings settings) throws IOException {
    Mutant mutant = settings.mutant();
    return ProxiedTarget.start(
        NAME,
        settings,
        () -> ReferenceServer.start(mutant),
        nemesis -> new ReferenceClient(mutant, false, Optional.of(nemesis)));
  }
}
