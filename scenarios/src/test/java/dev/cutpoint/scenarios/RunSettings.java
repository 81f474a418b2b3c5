package dev.cutpoint.scenarios;

import dev.cutpoint.drive.MatrixSettings;
import dev.cutpoint.drive.ClientCommand;
import dev.cutpoint.drive.ServerCommand;
import dev.cutpoint.drive.Targets;
import dev.cutpoint.drive.breezy.BreezyInstallation;
import dev.cutpoint.drive.breezy.BreezyTargets;
import dev.cutpoint.toxiproxy.ToxiproxyChoiceException;
import dev.cutpoint.toxiproxy.ToxiproxyProviders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The {@code cutpoint.*} system properties Maven hands to the tests (the parent pom sets them; the
 * {@code fault-matrix} profile turns them up), read and checked in one place. A blank value counts
 * as not given; a bad one is a {@link BadRunSetting}.
 *
 * @param properties looks a property up ({@code System::getProperty} outside tests)
 * @param environment looks an environment variable up ({@code TOXIPROXY_URL})
 */
record RunSettings(UnaryOperator<String> properties, UnaryOperator<String> environment) {

  static final String TRIES = "cutpoint.tries";
  static final String BREEZY_TRIES = "cutpoint.breezy.tries";
  static final String SEED = "cutpoint.seed";
  static final String TARGETS = "cutpoint.targets";
  static final String SERVER_COMMAND = "cutpoint.server.command";
  static final String CLIENT_COMMAND = "cutpoint.client.command";
  static final String BREEZY = "cutpoint.breezy";
  static final String BASELINE = "cutpoint.baseline";
  static final String ROOT = "cutpoint.root";
  static final String CONFIRM = "cutpoint.confirm";
  static final String FAIL_ON = "cutpoint.failOn";
  static final String SHARD = "cutpoint.shard";

  /** The budget of a plain {@code mvn verify}, as in the parent pom. */
  static final int DEFAULT_TRIES = 2;
  /**
   * The most cases per cell a Breezy target gets unless {@code cutpoint.breezy.tries} says
   * otherwise: each of its cases drives Python processes and runs 10–50 times slower than a java
   * case (measured on 2 cores: 3 to 12 cases/s against 150), so the java target's full budget would
   * make the nightly run last most of an hour.
   */
  static final int BREEZY_DEFAULT_MAX_TRIES = 5;
  /** Everything this build knows whose parts are installed. */
  static final String ALL = "all";

  /** This JVM's system properties and environment. */
  static RunSettings system() {
    return new RunSettings(System::getProperty, System::getenv);
  }

  /** Cases per applicable cell of the matrix (and the scale of the properties' budget). */
  int tries() {
    return value(TRIES).map(v -> wholeNumber(TRIES, v)).orElse(DEFAULT_TRIES);
  }

  /**
   * Cases per applicable cell on the Breezy targets: {@code cutpoint.breezy.tries} when given, else
   * {@code cutpoint.tries} up to {@link #BREEZY_DEFAULT_MAX_TRIES}.
   */
  int breezyTries() {
    Optional<String> value = value(BREEZY_TRIES);
    if (value.isEmpty()) {
      return Math.min(tries(), BREEZY_DEFAULT_MAX_TRIES);
    }
    return wholeNumber(BREEZY_TRIES, value.get());
  }

  /** Replays of each new violation before it is reported (blank: the CLI's default). */
  int confirm() {
    Optional<String> value = value(CONFIRM);
    if (value.isEmpty()) {
      return MatrixSettings.DEFAULT_CONFIRM;
    }
    try {
      return MatrixSettings.confirmProperty(value.get());
    } catch (IllegalArgumentException e) {
      throw new BadRunSetting(CONFIRM, value.get(), "a whole number from 0 to " + MatrixSettings.MAX_CONFIRM
          + " (replays of each new violation; 0 for none)");
    }
  }

  /** {@code cutpoint.shard}: the part {@code I/N} of the run to run here, blank for all of it. */
  dev.cutpoint.drive.Shard shard() {
    Optional<String> value = value(SHARD);
    try {
      return value.map(dev.cutpoint.drive.Shard::parse).orElse(dev.cutpoint.drive.Shard.ALL);
    } catch (IllegalArgumentException e) {
      throw new BadRunSetting(SHARD, value.get(), "I/N, the I-th of N parts (from 1), e.g. 2/3");
    }
  }

  /**
   * {@code cutpoint.failOn}: whether only violations new since the baseline fail the build
   * ({@code new}), or every one no reviewed finding covers ({@code all}, blank).
   */
  boolean failOnNewOnly() {
    Optional<String> value = value(FAIL_ON);
    String text = value.map(v -> v.trim().toLowerCase(java.util.Locale.ROOT)).orElse("all");
    if (text.equals("all") || text.equals("new")) {
      return text.equals("new");
    }
    throw new BadRunSetting(FAIL_ON, value.get(), "all or new (new: only violations the baseline did not have)");
  }

  /** The run's seed, if one was given (else each run draws one and prints it). */
  Optional<Long> seed() {
    Optional<String> value = value(SEED);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(value.get().trim()));
    } catch (NumberFormatException e) {
      throw new BadRunSetting(SEED, value.get(), "empty for a random seed, or a whole number (a 64-bit long)");
    }
  }

  /**
   * The targets asked for, in order, without repeats: a comma list of names, or {@code all} (the
   * built-in pairings); blank for {@code java}, or {@code server-command} when a server command is
   * given.
   */
  List<String> targets() {
    Optional<ServerCommand> server = serverCommand();
    String raw = value(TARGETS).orElse("");
    try {
      return Targets.resolve(
          TARGETS, raw.isBlank() ? List.of() : List.of(raw.split(",", -1)), server, clientCommand());
    } catch (IllegalArgumentException e) {
      throw new BadRunSetting(TARGETS, e.getMessage());
    }
  }

  /** The user's own client for the target {@code client-command}, if {@code cutpoint.client.command} gives one. */
  Optional<ClientCommand> clientCommand() {
    Optional<String> command = value(CLIENT_COMMAND);
    try {
      return command.filter(c -> !c.isBlank()).map(ClientCommand::new);
    } catch (IllegalArgumentException e) {
      throw new BadRunSetting(CLIENT_COMMAND, CLIENT_COMMAND + ": " + e.getMessage());
    }
  }

  /** The user's own server for the target {@code server-command}, if {@code cutpoint.server.command} gives one. */
  Optional<ServerCommand> serverCommand() {
    Optional<String> command = value(SERVER_COMMAND);
    try {
      return command.filter(c -> !c.isBlank()).map(ServerCommand::new);
    } catch (IllegalArgumentException e) {
      throw new BadRunSetting(SERVER_COMMAND, SERVER_COMMAND + ": " + e.getMessage());
    }
  }

  /**
   * The Breezy the real-Breezy targets run: the system's, or the {@code breezy} package in the
   * directory {@code cutpoint.breezy} names (relative paths from the repository root), checked now so
   * that a directory without one stops the run before any case.
   */
  BreezyInstallation breezy() {
    Optional<String> value = value(BREEZY);
    if (value.isEmpty()) {
      return BreezyInstallation.system();
    }
    Path directory = Path.of(value.get().trim());
    if (!directory.isAbsolute()) {
      directory = root().resolve(directory);
    }
    try {
      return BreezyTargets.chosen(BREEZY, directory);
    } catch (IllegalArgumentException e) {
      throw new BadRunSetting(BREEZY, e.getMessage());
    }
  }

  /** Whether {@code cutpoint.targets} asked for every target ({@code all}) rather than naming them. */
  boolean allTargets() {
    return value(TARGETS).map(v -> List.of(v.split(",")).stream().map(String::trim).anyMatch(ALL::equals))
        .orElse(false);
  }

  /**
   * The Toxiproxy to use, if {@code cutpoint.toxiproxy} names one; checked now (as the harness
   * will read it), so that a bad value stops the run before anything starts.
   */
  Optional<String> toxiproxy() {
    try {
      ToxiproxyProviders.choose(Optional.empty(), properties, environment);
    } catch (ToxiproxyChoiceException e) {
      throw new BadRunSetting(e.setting(), e.getMessage());
    }
    return value(ToxiproxyProviders.PROPERTY);
  }

  /** A matrix.json of an earlier run to compare with, if given. */
  Optional<Path> baseline() {
    Optional<String> value = value(BASELINE);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Path file = Path.of(value.get().trim());
    if (!file.isAbsolute()) {
      file = root().resolve(file);
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new BadRunSetting(BASELINE, value.get(),
          "empty, or a readable matrix.json of an earlier run (relative paths from the repository root)");
    }
    try {
      // read now, not after the run: a damaged baseline must not cost a whole matrix
      dev.cutpoint.report.MatrixJson.read(file);
    } catch (java.io.IOException e) {
      throw new BadRunSetting(BASELINE, value.get(), "a matrix.json of an earlier run; this one: " + e.getMessage());
    }
    return Optional.of(file);
  }

  /** The repository root (Maven passes it); the working directory's parent outside Maven. */
  Path root() {
    return value(ROOT).map(Path::of).orElse(Path.of("").toAbsolutePath().getParent()).toAbsolutePath().normalize();
  }

  private static int wholeNumber(String property, String value) {
    try {
      int number = Integer.parseInt(value.trim());
      if (number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted values
    }
    throw new BadRunSetting(property, value, "a whole number of at least 1");
  }

  private Optional<String> value(String property) {
    return Optional.ofNullable(properties.apply(property)).filter(v -> !v.isBlank());
  }
}
