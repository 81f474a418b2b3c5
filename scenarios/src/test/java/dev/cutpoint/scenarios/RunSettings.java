package dev.cutpoint.scenarios;

import dev.cutpoint.drive.Targets;
import dev.cutpoint.toxiproxy.ToxiproxyChoiceException;
import dev.cutpoint.toxiproxy.ToxiproxyProviders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code cutpoint.*} system properties Maven hands to the tests (the parent pom sets them; the
 * {@code fault-matrix} profile turns them up), read and checked in one place. A blank value counts
 * as not given; a bad one is a {@link BadRunSetting}.
 */
final class RunSettings {

  static final String TRIES = "cutpoint.tries";
  static final String SEED = "cutpoint.seed";
  static final String TARGETS = "cutpoint.targets";
  static final String BASELINE = "cutpoint.baseline";
  static final String ROOT = "cutpoint.root";

  /** The budget of a plain {@code mvn verify}, as in the parent pom. */
  static final int DEFAULT_TRIES = 2;
  /** Everything this build knows whose parts are installed. */
  static final String ALL = "all";

  private RunSettings() {}

  /** Cases per applicable cell of the matrix (and the scale of the properties' budget). */
  static int tries() {
    Optional<String> value = value(TRIES);
    if (value.isEmpty()) {
      return DEFAULT_TRIES;
    }
    try {
      int tries = Integer.parseInt(value.get().trim());
      if (tries >= 1) {
        return tries;
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted values
    }
    throw new BadRunSetting(TRIES, value.get(), "a whole number of at least 1");
  }

  /** The run's seed, if one was given (else each run draws one and prints it). */
  static Optional<Long> seed() {
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

  /** The targets asked for, in order, without repeats: a comma list of names, or {@code all}. */
  static List<String> targets() {
    String accepted = ALL + ", or a comma-separated list of " + String.join(", ", Targets.NAMES);
    String raw = value(TARGETS).orElse("java");
    List<String> names = new ArrayList<>();
    for (String part : raw.split(",", -1)) {
      String name = part.trim();
      if (name.equals(ALL)) {
        Targets.NAMES.stream().filter(n -> !names.contains(n)).forEach(names::add);
      } else if (Targets.NAMES.contains(name)) {
        if (!names.contains(name)) {
          names.add(name);
        }
      } else {
        throw new BadRunSetting(TARGETS, raw, accepted);
      }
    }
    return names;
  }

  /** Whether {@code cutpoint.targets} asked for every target ({@code all}) rather than naming them. */
  static boolean allTargets() {
    return value(TARGETS).map(v -> List.of(v.split(",")).stream().map(String::trim).anyMatch(ALL::equals))
        .orElse(false);
  }

  /**
   * The Toxiproxy to use, if {@code cutpoint.toxiproxy} names one; checked now (as the harness
   * will read it), so that a bad value stops the run before anything starts.
   */
  static Optional<String> toxiproxy() {
    try {
      ToxiproxyProviders.choose(Optional.empty(), System::getProperty, System::getenv);
    } catch (ToxiproxyChoiceException e) {
      throw new BadRunSetting(e.setting(), e.getMessage());
    }
    return value(ToxiproxyProviders.PROPERTY);
  }

  /** A matrix.json of an earlier run to compare with, if given. */
  static Optional<Path> baseline() {
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
    return Optional.of(file);
  }

  /** The repository root (Maven passes it); the working directory's parent outside Maven. */
  static Path root() {
    return value(ROOT).map(Path::of).orElse(Path.of("").toAbsolutePath().getParent()).toAbsolutePath().normalize();
  }

  private static Optional<String> value(String property) {
    return Optional.ofNullable(System.getProperty(property)).filter(v -> !v.isBlank());
  }
}
