package dev.cutpoint.drive.breezy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the README tells a Breezy developer to do, done by a test: a copy of the installed {@code
 * breezy} package (its compiled extensions and cached bytecode included, with their times, so that
 * Python recompiles only what a test changes), and a change to one of its files.
 */
public final class BreezyCopy {

  /** The package Debian's {@code python3-breezy} installs. */
  public static final Path INSTALLED = Path.of("/usr/lib/python3/dist-packages/breezy");

  private BreezyCopy() {}

  /** {@code cp -a INSTALLED into/breezy}; returns {@code into}, the directory to give as --breezy. */
  public static Path of(Path into) throws IOException {
    Path target = into.resolve("breezy");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(INSTALLED)) {
      files = walk.toList();
    }
    for (Path file : files) {
      Path copy = target.resolve(INSTALLED.relativize(file).toString());
      if (Files.isDirectory(file)) {
        Files.createDirectories(copy);
      } else {
        Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    return into;
  }

  /**
   * Replaces {@code before} by {@code after} in the copy's {@code relative} file.
   *
   * @throws IllegalStateException when {@code before} is not there exactly once: the change would
   *     not be the one the test means
   */
  public static void patch(Path copy, String relative, String before, String after) throws IOException {
    Path file = copy.resolve("breezy").resolve(relative);
    String source = Files.readString(file);
    int at = source.indexOf(before);
    if (at < 0 || source.indexOf(before, at + 1) >= 0) {
      throw new IllegalStateException(file + " does not hold exactly one '" + before + "'");
    }
    Files.writeString(file, source.replace(before, after));
  }
}
