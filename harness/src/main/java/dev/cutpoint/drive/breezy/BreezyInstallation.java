package dev.cutpoint.drive.breezy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where Breezy is: the {@code brz} program (for {@code brz serve} and {@code brz init}) and the
 * Python interpreter whose {@code breezy} module the driver imports. The system's Python, not one
 * on {@code PATH}: a pyenv or virtualenv Python does not see the Debian package.
 */
public record BreezyInstallation(Path brz, Path python) {

  private static final Duration PROBE_WAIT = Duration.ofSeconds(20);

  /** Debian's {@code brz} and {@code python3-breezy}. */
  public static BreezyInstallation system() {
    return new BreezyInstallation(Path.of("/usr/bin/brz"), Path.of("/usr/bin/python3"));
  }

  /**
   * Checks that both programs run and that Python imports {@code breezy}.
   *
   * @return Breezy's version, e.g. {@code 3.3.2}
   * @throws BreezyUnavailable when either is missing or broken
   */
  public String version() {
    for (Path program : List.of(brz, python)) {
      if (!Files.isExecutable(program)) {
        throw new BreezyUnavailable(program, "not an executable file");
      }
    }
    Path output = null;
    try {
      output = Files.createTempFile("cutpoint-breezy-probe-", ".txt");
      Process process =
          Reaper.start(
              new ProcessBuilder(
                      python.toString(), "-I", "-c", "import breezy; print(breezy.__version__)")
                  .redirectErrorStream(true)
                  .redirectOutput(output.toFile()));
      boolean ended = Reaper.awaitOrKill(process, PROBE_WAIT);
      String printed = Files.readString(output).strip();
      if (!ended || process.exitValue() != 0) {
        throw new BreezyUnavailable(python, "cannot import breezy: " + printed);
      }
      return printed;
    } catch (IOException e) {
      throw new BreezyUnavailable(python, "does not start: " + e.getMessage());
    } finally {
      if (output != null) {
        try {
          Files.deleteIfExists(output);
        } catch (IOException e) {
          // a leftover probe file in the temporary directory is harmless
        }
      }
    }
  }
}
