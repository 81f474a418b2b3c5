package dev.cutpoint.drive.breezy;

import java.nio.file.Path;

/**
 * Breezy is not installed where the harness looks for it, its Python module does not load, or a
 * directory given as the Breezy to use holds no importable {@code breezy} package.
 */
public final class BreezyUnavailable extends BreezyException {

  private final Path executable;

  private BreezyUnavailable(Path executable, String message) {
    super(message);
    this.executable = executable;
  }

  /** The system's Breezy: {@code program} is missing or cannot import {@code breezy}. */
  static BreezyUnavailable system(Path program, String reason) {
    return new BreezyUnavailable(program, program + ": " + reason + " (install with: apt-get install brz python3-breezy)");
  }

  /** The chosen directory ({@code --breezy PATH}) does not give a working Breezy. */
  static BreezyUnavailable chosen(Path directory, String reason) {
    return new BreezyUnavailable(directory, directory + ": " + reason
        + " (give a directory holding a breezy package, e.g. a copy of /usr/lib/python3/dist-packages/breezy)");
  }

  /** The program, or the chosen directory, that was missing or failed. */
  public Path executable() {
    return executable;
  }
}
