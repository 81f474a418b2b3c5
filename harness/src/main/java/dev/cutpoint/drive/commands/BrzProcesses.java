package dev.cutpoint.drive.commands;

import dev.cutpoint.drive.breezy.BreezyHome;
import dev.cutpoint.drive.breezy.BreezyInstallation;
import dev.cutpoint.drive.breezy.Reaper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts {@code brz} as a user would, in a clean home ({@link BreezyHome}), with or without the
 * cutpoint gate plugin; output goes to files so that nothing blocks on a full pipe.
 */
final class BrzProcesses implements AutoCloseable {

  /** A brz command that runs longer than this is a harness failure, never a verdict. */
  static final Duration SAFETY_NET = Duration.ofSeconds(60);
  private static final String PLUGIN = "cutpoint_gate";

  private final BreezyInstallation installation;
  private final BreezyHome home;
  private final Path plugins;

  BrzProcesses(BreezyInstallation installation) {
    this.installation = installation;
    this.home = BreezyHome.create("cutpoint-commands-");
    this.plugins = home.path().resolve("plugins");
    try {
      Path plugin = plugins.resolve(PLUGIN);
      Files.createDirectories(plugin);
      try (var in = BrzProcesses.class.getResourceAsStream(PLUGIN + "/__init__.py")) {
        if (in == null) {
          throw new IllegalStateException("the gate plugin is missing from the jar");
        }
        Files.write(plugin.resolve("__init__.py"), in.readAllBytes());
      }
    } catch (IOException e) {
      home.close();
      throw new UncheckedIOException("cannot install the gate plugin", e);
    }
  }

  /** A scratch directory inside the home, removed with it. */
  Path home() {
    return home.path();
  }

  /** Starts brz with {@code arguments} in {@code directory}; gated when {@code gate} is given. */
  Started start(List<String> arguments, Path directory, String gate) throws IOException {
    List<String> argv = new ArrayList<>(installation.brzCommand(arguments));
    ProcessBuilder builder = home.applyTo(new ProcessBuilder(argv)).directory(directory.toFile());
    Map<String, String> environment = builder.environment();
    if (gate != null) {
      environment.put("BRZ_PLUGIN_PATH", plugins + ":-site:-user");
      environment.put("CUTPOINT_GATE", gate);
    }
    Path out = Files.createTempFile(home.path(), "brz-out-", ".txt");
    Path err = Files.createTempFile(home.path(), "brz-err-", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    long started = System.nanoTime();
    return new Started(Reaper.start(builder), out, err, started);
  }

  /** Runs brz to its end, ungated. */
  BrzRun run(List<String> arguments, Path directory) throws IOException {
    return start(arguments, directory, null).await(false);
  }

  @Override
  public void close() {
    home.close();
  }

  /** A brz process on its way. */
  record Started(Process process, Path out, Path err, long startedNanos) {

    /** Waits for the end (the safety net kills it and says so). */
    BrzRun await(boolean interrupted) throws IOException {
      if (!Reaper.awaitOrKill(process, SAFETY_NET)) {
        throw new CommandHarnessError("brz did not end within " + SAFETY_NET.toSeconds()
            + " s (killed): " + Files.readString(err));
      }
      long millis = (System.nanoTime() - startedNanos) / 1_000_000;
      try {
        return new BrzRun(process.exitValue(), Files.readString(out), Files.readString(err), millis,
            interrupted);
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    }

    /** A user's Ctrl-C: SIGINT, which Breezy turns into KeyboardInterrupt. */
    void interrupt() throws IOException {
      Process kill = Reaper.start(new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD));
      Reaper.awaitOrKill(kill, Duration.ofSeconds(10));
    }
  }
}
