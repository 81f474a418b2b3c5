package dev.cutpoint.drive.breezy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Breezy is: the {@code brz} program (for {@code brz serve} and {@code brz init}), the
 * Python interpreter that runs the driver, and, for a Breezy of the user's choosing ({@code
 * --breezy PATH}), the directory holding the {@code breezy} package that every Breezy process
 * imports instead of the system's. The system's Python, not one on {@code PATH}: a pyenv or
 * virtualenv Python does not see the Debian package.
 *
 * <p>Every Breezy process is started from {@link #brzCommand}, {@link #pythonScript} or {@link
 * #pythonProgram}, so that the choice holds for all of them. Python runs isolated ({@code -I}: no
 * {@code PYTHON*} variables, no user site-packages, no script directory on {@code sys.path}); a
 * chosen directory is the one thing added, at the front of {@code sys.path}, by a bootstrap given on
 * the command line before anything imports {@code breezy}. {@link #probe()} checks that the
 * package imported is the chosen one: a directory without it would otherwise let Python find the
 * system's.
 *
 * @param brz the {@code brz} program; run only for the system's Breezy (a chosen directory runs
 *     {@code breezy.__main__} through {@code python}, as the {@code brz} launcher itself does)
 * @param python the interpreter
 * @param breezyPath the directory that holds the {@code breezy} package to use; empty for the one
 *     the interpreter finds (the system's)
 */
public record BreezyInstallation(Path brz, Path python, Optional<Path> breezyPath) {

  /** A safety net: importing Breezy on a loaded machine takes seconds, never this long. */
  private static final Duration PROBE_WAIT = Duration.ofSeconds(60);

  /** Puts {@code argv[1]} first on {@code sys.path} and drops it from {@code argv}. */
  private static final String FRONT = "import sys; sys.path.insert(0, sys.argv.pop(1)); ";

  /** What {@code brz} runs (breezy/main.rs: {@code breezy.__main__.main} with the arguments). */
  private static final String BRZ = FRONT + "sys.argv[0] = 'brz'; from breezy.__main__ import main; main()";

  /** Runs the script {@code argv[1]} as {@code __main__}, as {@code python SCRIPT} does. */
  private static final String SCRIPT =
      FRONT + "import runpy; sys.argv.pop(0); runpy.run_path(sys.argv[0], run_name='__main__')";

  /** Imports what the driver and brz serve need, not just the package: a half-built checkout fails here. */
  private static final String PROBE = "import os, breezy, breezy.bzr.smart.client, breezy.bzr.smart.medium,"
      + " breezy.bzr.smart.request, breezy.bzr.smart.server; print(breezy.__version__);"
      + " print(os.path.dirname(os.path.abspath(breezy.__file__)))";

  public BreezyInstallation {
    Objects.requireNonNull(brz, "brz");
    Objects.requireNonNull(python, "python");
    breezyPath = Objects.requireNonNull(breezyPath, "breezyPath").map(p -> p.toAbsolutePath().normalize());
  }

  /** The system's Breezy, run by {@code brz} and {@code python} as they are. */
  public BreezyInstallation(Path brz, Path python) {
    this(brz, python, Optional.empty());
  }

  /** Debian's {@code brz} and {@code python3-breezy}. */
  public static BreezyInstallation system() {
    return new BreezyInstallation(Path.of("/usr/bin/brz"), Path.of("/usr/bin/python3"));
  }

  /**
   * The Breezy whose {@code breezy} package is in {@code directory} (a source checkout, or a copy of
   * the installed package: {@code cp -r /usr/lib/python3/dist-packages/breezy DIR/}), run by the
   * system's Python. Nothing is checked here: {@link #probe()} does.
   */
  public static BreezyInstallation at(Path directory) {
    BreezyInstallation system = system();
    return new BreezyInstallation(system.brz(), system.python(), Optional.of(directory));
  }

  /** The command line of {@code brz ARGUMENTS} with this Breezy. */
  public List<String> brzCommand(List<String> arguments) {
    List<String> argv = new ArrayList<>();
    if (breezyPath.isEmpty()) {
      argv.add(brz.toString());
    } else {
      argv.addAll(List.of(python.toString(), "-I", "-c", BRZ, breezyPath.get().toString()));
    }
    argv.addAll(arguments);
    return argv;
  }

  /** The command line of {@code brz ARGUMENTS} with this Breezy. */
  public List<String> brzCommand(String... arguments) {
    return brzCommand(List.of(arguments));
  }

  /** The command line that runs the Python file {@code script} (unbuffered) with this Breezy. */
  public List<String> pythonScript(Path script, List<String> arguments) {
    List<String> argv = new ArrayList<>(List.of(python.toString(), "-I", "-u"));
    if (breezyPath.isPresent()) {
      argv.addAll(List.of("-c", SCRIPT, breezyPath.get().toString()));
    }
    argv.add(script.toString());
    argv.addAll(arguments);
    return argv;
  }

  /** The command line that runs the Python source {@code program} ({@code -c}) with this Breezy. */
  public List<String> pythonProgram(String program, List<String> arguments) {
    List<String> argv = new ArrayList<>(List.of(python.toString(), "-I", "-c"));
    if (breezyPath.isPresent()) {
      argv.add(FRONT + "\n" + program);
      argv.add(breezyPath.get().toString());
    } else {
      argv.add(program);
    }
    argv.addAll(arguments);
    return argv;
  }

  /**
   * Checks that this Breezy runs: the programs exist, Python imports {@code breezy} and its smart
   * client, medium, registry and server, and, for a chosen directory, from that directory.
   *
   * @return its version and where its package is
   * @throws BreezyUnavailable when any of that fails, in one line
   */
  public BreezyModule probe() {
    for (Path program : breezyPath.isPresent() ? List.of(python) : List.of(brz, python)) {
      if (!Files.isExecutable(program)) {
        throw BreezyUnavailable.system(program, "not an executable file");
      }
    }
    if (breezyPath.isPresent() && !Files.isDirectory(breezyPath.get())) {
      throw BreezyUnavailable.chosen(breezyPath.get(), "not a directory");
    }
    List<String> printed = run(PROBE, List.of()).strip().lines().toList();
    if (printed.size() != 2) {
      throw unavailable("cannot import breezy: " + String.join(" | ", printed));
    }
    BreezyModule module = new BreezyModule(printed.get(0), Path.of(printed.get(1)));
    if (breezyPath.isPresent() && !module.location().getParent().equals(breezyPath.get())) {
      throw BreezyUnavailable.chosen(breezyPath.get(),
          "holds no breezy package (Python found one at " + module.location() + ")");
    }
    return module;
  }

  /**
   * Checks that this Breezy runs ({@link #probe()}).
   *
   * @return Breezy's version, e.g. {@code 3.3.2}
   * @throws BreezyUnavailable when it does not
   */
  public String version() {
    return probe().version();
  }

  /**
   * Runs a short Python program with this Breezy and returns what it printed on stdout.
   *
   * @throws BreezyUnavailable when it does not start, fails or outlasts its 20 s, with the last line
   *     it wrote on stderr (a traceback's is the exception)
   */
  String run(String program, List<String> arguments) {
    Path output = null;
    Path errors = null;
    try {
      output = Files.createTempFile("cutpoint-breezy-probe-", ".out");
      errors = Files.createTempFile("cutpoint-breezy-probe-", ".err");
      Process process = Reaper.start(new ProcessBuilder(pythonProgram(program, arguments))
          .redirectOutput(output.toFile())
          .redirectError(errors.toFile()));
      boolean ended = Reaper.awaitOrKill(process, PROBE_WAIT);
      if (!ended) {
        throw unavailable("Python did not finish within " + PROBE_WAIT.toSeconds() + " s");
      }
      if (process.exitValue() != 0) {
        List<String> lines = Files.readString(errors).strip().lines().toList();
        throw unavailable("Python failed: " + (lines.isEmpty() ? "exit " + process.exitValue()
            : lines.get(lines.size() - 1)));
      }
      return Files.readString(output);
    } catch (IOException e) {
      throw BreezyUnavailable.system(python, "does not start: " + e.getMessage());
    } finally {
      deleteQuietly(output);
      deleteQuietly(errors);
    }
  }

  private BreezyUnavailable unavailable(String reason) {
    return breezyPath.map(p -> BreezyUnavailable.chosen(p, reason))
        .orElseGet(() -> BreezyUnavailable.system(python, reason));
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover probe file in the temporary directory is harmless
    }
  }
}
