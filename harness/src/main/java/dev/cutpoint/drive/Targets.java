package dev.cutpoint.drive;

import dev.cutpoint.drive.breezy.BreezyInstallation;
import dev.cutpoint.drive.breezy.BreezyTargets;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The targets a run can name, how each starts, and whether this machine can run it. */
public final class Targets {

  /** The built-in pairings, what {@code all} runs. */
  public static final List<String> BUILT_IN =
      Stream.concat(Stream.of(JavaTarget.NAME), BreezyTargets.NAMES.stream()).toList();

  /** The reference client against the user's own server ({@code --server-command}). */
  public static final String SERVER_COMMAND = "server-command";

  /**
   * The user's own client ({@code --client-command}, speaking docs/driver-protocol.md) against the
   * reference server and its journal.
   */
  public static final String CLIENT_COMMAND = "client-command";

  /** Every target name this build knows. */
  public static final List<String> NAMES =
      Stream.concat(BUILT_IN.stream(), Stream.of(SERVER_COMMAND, CLIENT_COMMAND)).toList();

  private Targets() {}

  /** Starts the named target. */
  public static Target start(String name, TargetSettings settings) throws IOException {
    if (name.equals(JavaTarget.NAME)) {
      return JavaTarget.start(settings);
    }
    if (BreezyTargets.NAMES.contains(name)) {
      return BreezyTargets.start(name, settings);
    }
    if (name.equals(SERVER_COMMAND)) {
      return BreezyTargets.startServerCommand(SERVER_COMMAND, settings);
    }
    if (name.equals(CLIENT_COMMAND)) {
      return BreezyTargets.startClientCommand(CLIENT_COMMAND, settings);
    }
    throw new IllegalArgumentException(unknown(name));
  }

  /**
   * Why the named target cannot run on this machine (e.g. Breezy is not installed), if it cannot.
   * The client command needs nothing of Breezy's: its server is the reference server.
   */
  public static Optional<String> unavailable(String name) {
    return unavailable(name, BreezyInstallation.system());
  }

  /** The same, for a run whose Breezy is {@code breezy} ({@code --breezy PATH}). */
  public static Optional<String> unavailable(String name, BreezyInstallation breezy) {
    requireKnown(name);
    if (name.equals(SERVER_COMMAND)) {
      return BreezyTargets.unavailable(BreezyTargets.SERVER, breezy);
    }
    return BreezyTargets.NAMES.contains(name) ? BreezyTargets.unavailable(name, breezy) : Optional.empty();
  }

  /**
   * The targets a run asks for, checked before anything starts: {@code all} is the built-in
   * pairings; with no target named, the run is the command targets whose command is given, else
   * {@code java}.
   *
   * @param what the option or property, for the messages ({@code --target}, {@code cutpoint.targets})
   * @param requested the names given, empty when none was
   * @throws IllegalArgumentException naming {@code what}, for an unknown target, or a command
   *     target without its command
   */
  public static List<String> resolve(
      String what, List<String> requested, Optional<ServerCommand> serverCommand, Optional<ClientCommand> clientCommand) {
    if (requested.isEmpty()) {
      List<String> own = new ArrayList<>();
      serverCommand.ifPresent(c -> own.add(SERVER_COMMAND));
      clientCommand.ifPresent(c -> own.add(CLIENT_COMMAND));
      return own.isEmpty() ? List.of(JavaTarget.NAME) : own;
    }
    List<String> names = new ArrayList<>();
    for (String given : requested) {
      String name = given.trim();
      if (name.equals("all")) {
        names.addAll(BUILT_IN);
      } else if (NAMES.contains(name)) {
        names.add(name);
      } else {
        throw new IllegalArgumentException(what + ": " + unknown(name) + ", all");
      }
    }
    if (names.contains(SERVER_COMMAND) && serverCommand.isEmpty()) {
      throw new IllegalArgumentException(what + ": target " + SERVER_COMMAND
          + " needs a server command (--server-command or cutpoint.server.command)");
    }
    if (names.contains(CLIENT_COMMAND) && clientCommand.isEmpty()) {
      throw new IllegalArgumentException(what + ": target " + CLIENT_COMMAND
          + " needs a client command (--client-command or cutpoint.client.command)");
    }
    return names.stream().distinct().toList();
  }

  /** Checks a name before anything starts. */
  public static String requireKnown(String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException(unknown(name));
    }
    return name;
  }

  private static String unknown(String name) {
    return "unknown target '" + name + "'; accepted: " + String.join(", ", NAMES);
  }
}
