package dev.cutpoint.drive.breezy;

import java.nio.file.Path;

/** Breezy is not installed where the harness looks for it, or its Python module does not load. */
public final class BreezyUnavailable extends BreezyException {

  private final Path executable;

  BreezyUnavailable(Path executable, String reason) {
    super(executable + ": " + reason + " (install with: apt-get install brz python3-breezy)");
    this.executable = executable;
  }

  /** The program that was missing or failed. */
  public Path executable() {
    return executable;
  }
}
