package dev.cutpoint.drive.breezy;

import dev.cutpoint.drive.ClientCommand;
import dev.cutpoint.drive.Mutant;
import dev.cutpoint.drive.ServerCommand;
import dev.cutpoint.drive.Target;
import dev.cutpoint.drive.TargetSettings;
import dev.cutpoint.drive.brzserve.ServedBrz;
import dev.cutpoint.drive.brzserve.ServerSockets;
import dev.cutpoint.drive.brzserve.StopMode;
import dev.cutpoint.drive.target.ProxiedTarget;
import dev.cutpoint.drive.target.ReferenceClient;
import dev.cutpoint.drive.target.ReferenceServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The targets with real Breezy in them (SPEC §6), how each starts, and whether this machine can run
 * them: each needs Breezy ({@code brz} and {@code python3-breezy}, or the {@code breezy} package of
 * the user's choosing: {@link BreezyInstallation}, from {@link TargetSettings#breezy()}); the
 * two with {@code brz serve} also need the system's socket table to see its connections.
 */
public final class BreezyTargets {

  /** The reference client against {@code brz serve}. */
  public static final String SERVER = "breezy-server";
  /** Breezy's client against the reference server (with its journal). */
  public static final String CLIENT = "breezy-client";
  /** Breezy's client against {@code brz serve}. */
  public static final String BOTH = "breezy";
  /** Every Breezy target, in the order a run takes them. */
  public static final List<String> NAMES = List.of(SERVER, CLIENT, BOTH);

  private static final Map<BreezyInstallation, Probe> PROBES = new ConcurrentHashMap<>();

  private record Probe(Optional<BreezyModule> module, Optional<String> unavailable) {}

  private BreezyTargets() {}

  /**
   * Why the named Breezy target cannot run here with the system's Breezy, if it cannot (probed once
   * per JVM).
   *
   * @throws IllegalArgumentException for a name that is not a Breezy target
   */
  public static Optional<String> unavailable(String name) {
    return unavailable(name, BreezyInstallation.system());
  }

  /**
   * Why the named Breezy target cannot run here with {@code breezy}, if it cannot (probed once per
   * JVM and installation).
   *
   * @throws IllegalArgumentException for a name that is not a Breezy target
   */
  public static Optional<String> unavailable(String name, BreezyInstallation breezy) {
    requireBreezyTarget(name);
    Optional<String> unavailable = probe(breezy).unavailable();
    if (unavailable.isPresent()) {
      String what = breezy.breezyPath().isPresent() ? "the chosen Breezy " : "Breezy is not installed: ";
      return Optional.of(what + unavailable.get());
    }
    if (!name.equals(CLIENT) && !ServerSockets.available()) {
      return Optional.of("no socket table (/proc/net/tcp) to see brz serve's connections: Linux only");
    }
    return Optional.empty();
  }

  /** The installed Breezy's version, e.g. {@code 3.3.2}; empty when it is not installed. */
  public static Optional<String> installedVersion() {
    return module(BreezyInstallation.system()).map(BreezyModule::version);
  }

  /** The version and location of {@code breezy}'s package; empty when it does not run. */
  public static Optional<BreezyModule> module(BreezyInstallation breezy) {
    return probe(breezy).module();
  }

  /**
   * The Breezy in {@code directory}, checked now so that a bad one stops a run before any case.
   *
   * @param option the option or property that named it, for the message ({@code --breezy})
   * @throws IllegalArgumentException in one line, when it holds no importable {@code breezy} package
   */
  public static BreezyInstallation chosen(String option, java.nio.file.Path directory) {
    BreezyInstallation breezy = BreezyInstallation.at(directory);
    probe(breezy).unavailable().ifPresent(reason -> {
      throw new IllegalArgumentException(option + ": " + reason);
    });
    return breezy;
  }

  private static Probe probe(BreezyInstallation breezy) {
    return PROBES.computeIfAbsent(breezy, b -> {
      try {
        return new Probe(Optional.of(b.probe()), Optional.empty());
      } catch (BreezyUnavailable e) {
        return new Probe(Optional.empty(), Optional.of(e.getMessage()));
      }
    });
  }

  /**
   * Starts the named target.
   *
   * @throws BreezyUnavailable when Breezy is missing
   * @throws IllegalArgumentException when the mutant changes a side that is Breezy's own
   */
  public static Target start(String name, TargetSettings settings) throws IOException {
    requireBreezyTarget(name);
    Mutant mutant = settings.mutant();
    boolean realClient = !name.equals(SERVER);
    boolean realServer = !name.equals(CLIENT);
    if (realClient && mutant.changesClient()) {
      throw new IllegalArgumentException("mutant " + mutant.label() + " changes the reference client;"
          + " target " + name + " runs Breezy's own client");
    }
    if (realServer && mutant.serverExecutesPartial()) {
      throw new IllegalArgumentException("mutant " + mutant.label() + " switches the reference server;"
          + " target " + name + " runs brz serve");
    }
    BreezyInstallation breezy = settings.breezy();
    ProxiedTarget.ServerStarter servers = realServer
        ? () -> ServedBrz.start(breezy, StopMode.KILL)
        : () -> ReferenceServer.start(mutant);
    ProxiedTarget.ClientStarter clients = realClient
        ? nemesis -> DriverClient.start(breezy, Optional.of(nemesis), false)
        : nemesis -> new ReferenceClient(mutant, false, Optional.of(nemesis));
    return ProxiedTarget.start(name, settings, servers, clients);
  }

  /**
   * Starts the reference client against the user's own server: started, restarted and judged from
   * its directory's state like {@code brz serve} (Breezy makes the branches the lock verbs need).
   *
   * @throws IllegalArgumentException when no server command is set, or the mutant switches the
   *     reference server
   */
  public static Target startServerCommand(String name, TargetSettings settings) throws IOException {
    ServerCommand command = settings.serverCommand().orElseThrow(() -> new IllegalArgumentException(
        "target " + name + " needs a server command (--server-command or cutpoint.server.command)"));
    Mutant mutant = settings.mutant();
    if (mutant.serverExecutesPartial()) {
      throw new IllegalArgumentException("mutant " + mutant.label() + " switches the reference server;"
          + " target " + name + " runs the user's own server");
    }
    BreezyInstallation breezy = settings.breezy();
    return ProxiedTarget.start(
        name,
        settings,
        () -> ServedBrz.start(breezy, command),
        nemesis -> new ReferenceClient(mutant, false, Optional.of(nemesis)));
  }

  /**
   * Starts the user's own client, a program that speaks the driver protocol
   * (docs/driver-protocol.md), against the reference server and its journal: the shape of {@code
   * breezy-client}, with the command's client in place of Breezy's driver.
   *
   * @throws IllegalArgumentException when no client command is set, or the mutant changes the
   *     reference client
   * @throws DriverFailure when the command exits, does not answer hello, or speaks another version
   */
  public static Target startClientCommand(String name, TargetSettings settings) throws IOException {
    ClientCommand command = settings.clientCommand().orElseThrow(() -> new IllegalArgumentException(
        "target " + name + " needs a client command (--client-command or cutpoint.client.command)"));
    Mutant mutant = settings.mutant();
    if (mutant.changesClient()) {
      throw new IllegalArgumentException("mutant " + mutant.label() + " changes the reference client;"
          + " target " + name + " runs the user's own client");
    }
    return ProxiedTarget.start(
        name,
        settings,
        () -> ReferenceServer.start(mutant),
        nemesis -> DriverClient.start(command, Optional.of(nemesis)));
  }

  private static void requireBreezyTarget(String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException(
          "'" + name + "' is not a Breezy target; these are: " + String.join(", ", NAMES));
    }
  }
}
