package dev.cutpoint.drive;

import dev.cutpoint.drive.breezy.BreezyInstallation;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a target is set up for a run.
 *
 * @param mutant the deliberately wrong client or server to run, {@link Mutant#NONE} for the real one
 * @param toxiproxy the {@code --toxiproxy} value, if given (else the system property, the
 *     environment, then the embedded server decide)
 * @param callTimeout the reference client's timeout, on the harness's clock (SPEC §5.4): it only
 *     passes when the harness knows an attempt can no longer progress, so its size costs no time
 *     and no machine is too slow for it
 * @param serverCommand the user's own server ({@code --server-command}), for the target
 *     {@value Targets#SERVER_COMMAND}
 * @param clientCommand the user's own client ({@code --client-command}), speaking the driver
 *     protocol of {@code docs/driver-protocol.md}, for the target {@value Targets#CLIENT_COMMAND}
 * @param breezy the Breezy every real-Breezy side runs ({@code --breezy PATH}, else the system's)
 */
public record TargetSettings(
    Mutant mutant,
    Optional<String> toxiproxy,
    Duration callTimeout,
    Optional<ServerCommand> serverCommand,
    Optional<ClientCommand> clientCommand,
    BreezyInstallation breezy) {

  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);

  public TargetSettings {
    Objects.requireNonNull(mutant, "mutant");
    Objects.requireNonNull(toxiproxy, "toxiproxy");
    Objects.requireNonNull(callTimeout, "callTimeout");
    Objects.requireNonNull(serverCommand, "serverCommand");
    Objects.requireNonNull(clientCommand, "clientCommand");
    Objects.requireNonNull(breezy, "breezy");
  }

  /** The settings with the system's Breezy. */
  public TargetSettings(Mutant mutant, Optional<String> toxiproxy, Duration callTimeout,
      Optional<ServerCommand> serverCommand, Optional<ClientCommand> clientCommand) {
    this(mutant, toxiproxy, callTimeout, serverCommand, clientCommand, BreezyInstallation.system());
  }

  public static TargetSettings defaults() {
    return new TargetSettings(Mutant.NONE, Optional.empty(), DEFAULT_CALL_TIMEOUT, Optional.empty(), Optional.empty());
  }

  public TargetSettings withMutant(Mutant newMutant) {
    return new TargetSettings(newMutant, toxiproxy, callTimeout, serverCommand, clientCommand, breezy);
  }

  public TargetSettings withToxiproxy(Optional<String> newToxiproxy) {
    return new TargetSettings(mutant, newToxiproxy, callTimeout, serverCommand, clientCommand, breezy);
  }

  public TargetSettings withServerCommand(Optional<ServerCommand> newServerCommand) {
    return new TargetSettings(mutant, toxiproxy, callTimeout, newServerCommand, clientCommand, breezy);
  }

  public TargetSettings withClientCommand(Optional<ClientCommand> newClientCommand) {
    return new TargetSettings(mutant, toxiproxy, callTimeout, serverCommand, newClientCommand, breezy);
  }

  public TargetSettings withBreezy(BreezyInstallation newBreezy) {
    return new TargetSettings(mutant, toxiproxy, callTimeout, serverCommand, clientCommand, newBreezy);
  }

  /**
   * The longest a call may take on the client's clock before it breaks liveness (I6): a timeout for
   * the attempt and another for one resend. On the harness's clock nothing else passes: a slow
   * transfer takes no time there.
   */
  public static long livenessBoundMillis(Duration timeout) {
    return 2 * timeout.toMillis();
  }
}
