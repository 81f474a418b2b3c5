package dev.cutpoint.drive.breezy;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code breezy} package a {@link BreezyInstallation} imports.
 *
 * @param version {@code breezy.__version__}, e.g. {@code 3.3.2}
 * @param location the package's directory, e.g. {@code /usr/lib/python3/dist-packages/breezy}
 */
public record BreezyModule(String version, Path location) {

  public BreezyModule {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(location, "location");
  }

  /** {@code 3.3.2 (/usr/lib/python3/dist-packages/breezy)}: what run lines and reports say. */
  public String describe() {
    return version + " (" + location + ")";
  }
}
