package dev.cutpoint.cli;

import dev.cutpoint.drive.breezy.BreezyInstallation;
import dev.cutpoint.drive.breezy.BreezyTargets;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code --breezy PATH}, mixed in ({@code @Mixin}) by every command that starts Breezy: one name, one check. */
@Command
final class BreezyOption {

  @Option(names = "--breezy", paramLabel = "PATH",
      description = "A directory holding the breezy package to use instead of the system's (a source checkout, or a copy of /usr/lib/python3/dist-packages/breezy with your change), for every Breezy process the command starts: Breezy's client (the driver), brz serve and brz. Checked before anything runs.")
  Path path;

  boolean given() {
    return path != null;
  }

  /**
   * The Breezy to run: the chosen one, else the system's.
   *
   * @throws IllegalArgumentException in one line naming the option, when the directory holds no
   *     importable {@code breezy} package
   */
  BreezyInstallation installation() {
    return path == null ? BreezyInstallation.system() : BreezyTargets.chosen("--breezy", path);
  }
}
