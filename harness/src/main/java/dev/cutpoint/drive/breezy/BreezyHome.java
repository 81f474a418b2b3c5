package dev.cutpoint.drive.breezy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A throwaway home for Breezy processes, so that neither the user's configuration nor their
 * plugins change what is measured, and nothing is left behind: {@code HOME} and {@code BRZ_HOME}
 * point into a fresh temporary directory, the log goes nowhere, only core plugins load, and an
 * identity is set so that {@code brz init} and lock files have an owner.
 */
public final class BreezyHome implements AutoCloseable {

  /** Who Breezy thinks it is; lock files record it. */
  static final String IDENTITY = "cutpoint <cutpoint@localhost>";

  private final Path path;

  private BreezyHome(Path path) {
    this.path = path;
  }

  public static BreezyHome create(String prefix) {
    try {
      return new BreezyHome(Reaper.temporaryDirectory(prefix));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary Breezy home", e);
    }
  }

  public Path path() {
    return path;
  }

  /** Replaces {@code builder}'s environment with the clean one. */
  public ProcessBuilder applyTo(ProcessBuilder builder) {
    Map<String, String> environment = builder.environment();
    environment.clear();
    environment.put("PATH", "/usr/bin:/bin");
    environment.put("HOME", path.toString());
    environment.put("BRZ_HOME", path.toString());
    environment.put("XDG_CACHE_HOME", path.resolve("cache").toString());
    environment.put("BRZ_LOG", "/dev/null");
    // "-site:-user": no plugins from site-packages nor from the home (breezy/plugin.py).
    environment.put("BRZ_PLUGIN_PATH", "-site:-user");
    environment.put("BRZ_EMAIL", IDENTITY);
    environment.put("LANG", "C.UTF-8");
    return builder.directory(path.toFile());
  }

  @Override
  public void close() {
    try {
      Reaper.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the temporary Breezy home " + path, e);
    }
  }
}
