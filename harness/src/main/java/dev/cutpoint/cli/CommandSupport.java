package dev.cutpoint.cli;

import dev.cutpoint.drive.MatrixReports;
import dev.cutpoint.drive.Targets;
import dev.cutpoint.drive.breezy.BreezyInstallation;
import dev.cutpoint.report.MalformedReportException;
import dev.cutpoint.report.MatrixJson;
import dev.cutpoint.report.MatrixReport;
import dev.cutpoint.toxiproxy.EmbeddedToxiproxy;
import dev.cutpoint.toxiproxy.ToxiproxyChoice;
import dev.cutpoint.toxiproxy.ToxiproxyChoiceException;
import dev.cutpoint.toxiproxy.ToxiproxyProviders;
import dev.cutpoint.toxiproxy.ToxiproxyUnavailableException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the commands share, mixed into each ({@code @Mixin}): a bad argument as one line under the
 * command's name with exit 2, the exit codes and version every command's help names, the checks a
 * run makes of its arguments before its first case (a report directory, a baseline, a Toxiproxy
 * that answers), and serving until Ctrl-C with what was started closed on the way out.
 */
@Command
final class CommandSupport {

  static final String VERSION = "cutpoint " + MatrixReports.CUTPOINT_VERSION;

  /** Every check passed, no violation. */
  static final int PASSED = 0;
  /** An invariant was violated (or, for a run, a cell left uncovered). */
  static final int VIOLATIONS = 1;
  /** A bad argument or an unusable setting. */
  static final int BAD_ARGUMENTS = 2;
  /** The harness itself could not run (a port, a process, a file it could not write). */
  static final int HARNESS_FAILED = 3;
  /** Ctrl-C: what finished is kept (128 + SIGINT, as a shell reports it). */
  static final int INTERRUPTED = 130;

  /** The exit codes, as every command's help lists them. */
  static final Map<String, String> EXIT_CODES = exitCodes();

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  private static Map<String, String> exitCodes() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put(" " + PASSED, "passed");
    codes.put(" " + VIOLATIONS, "violations (an invariant broken; for matrix also an uncovered cell)");
    codes.put(" " + BAD_ARGUMENTS, "bad arguments (one line on stderr, before anything runs)");
    codes.put(" " + HARNESS_FAILED, "the harness could not run");
    codes.put(INTERRUPTED + "", "interrupted (Ctrl-C)");
    return codes;
  }

  /**
   * Gives the command and every subcommand, including those added later, the version and the list
   * of exit codes: {@code cutpoint matrix --version} answers like {@code cutpoint --version}.
   */
  static void everywhere(CommandLine cli) {
    cli.getCommandSpec().version(VERSION);
    cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(EXIT_CODES);
    cli.getSubcommands().values().forEach(CommandSupport::everywhere);
  }

  /** Prints {@code cutpoint <command>: message} on stderr; returns the exit code for a bad argument. */
  int fail(String message) {
    PrintWriter err = command.commandLine().getErr();
    err.println("cutpoint " + command.qualifiedName(" ").replaceFirst("^cutpoint ", "") + ": " + message);
    err.flush();
    return BAD_ARGUMENTS;
  }

  /** Whether {@code port} is a TCP port (0 picks a free one). */
  static boolean isPort(int port) {
    return port >= 0 && port <= 65535;
  }

  /** The one line for a value that is not a TCP port. */
  static String notAPort(String option, int port) {
    return option + " must be between 0 and 65535, was " + port;
  }

  /**
   * Makes {@code dir} (and {@code subdirectory} inside it, where the run writes its case files) and
   * checks that a file can be written there, so that a run finds out before its first case, not
   * after its last.
   *
   * @throws BadArgument naming {@code option} and what is in the way
   */
  static void requireWritableDirectory(String option, Path dir, String subdirectory) {
    Path sub = dir.resolve(subdirectory);
    try {
      Files.createDirectories(sub);
      Path probe = Files.createTempFile(sub, ".cutpoint-", ".probe");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new BadArgument(option + " " + dir + " is not a directory the report can be written to ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    }
  }

  /**
   * Reads a {@code matrix.json} given as an option, before anything runs.
   *
   * @throws BadArgument naming {@code option} and what is wrong with the file
   */
  static MatrixReport readReport(String option, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BadArgument(option + " " + file + " is not a file");
    }
    try {
      return MatrixJson.read(file);
    } catch (MalformedReportException e) {
      throw new BadArgument(option + " " + e.getMessage());
    } catch (IOException e) {
      throw new BadArgument(option + " " + file + ": cannot be read (" + e.getClass().getSimpleName() + ": "
          + e.getMessage() + ")");
    }
  }

  /**
   * Checks that the Toxiproxy a run would use (the option, else {@code cutpoint.toxiproxy}, else
   * {@code TOXIPROXY_URL}, else the embedded one) can be used: an external one must answer now.
   * Every one of them is a user's setting, so a wrong one is a bad argument.
   *
   * @return the Toxiproxy in words, its version once, for the run line: {@code embedded
   *     2.12.0-cutpoint}, {@code external Toxiproxy
   *     2.9.0 at http://…}, {@code toxiproxy-server /usr/bin/toxiproxy-server}
   * @throws BadArgument naming the setting, the URL and what was tried
   */
  static String requireToxiproxy(Optional<String> option) {
    ToxiproxyChoice choice;
    try {
      choice = ToxiproxyProviders.choose(option, System::getProperty, System::getenv);
    } catch (ToxiproxyChoiceException e) {
      throw new BadArgument(e.getMessage());
    }
    if (choice instanceof ToxiproxyChoice.External external) {
      try {
        return "external Toxiproxy " + external.version() + " at " + external.url();
      } catch (ToxiproxyUnavailableException e) {
        throw new BadArgument(ToxiproxyProviders.settingOf(option, System::getProperty, System::getenv) + ": "
            + e.getMessage());
      }
    }
    if (choice instanceof ToxiproxyChoice.ServerBinary binary) {
      return "toxiproxy-server " + binary.binary();
    }
    return "embedded " + EmbeddedToxiproxy.VERSION;
  }

  /**
   * Checks that each target named on its own (not through {@code all}, which skips what cannot run,
   * with the reason) can run here: a Breezy target needs Breezy importable, for one.
   *
   * @throws BadArgument naming {@code option}, the target and why it cannot run
   */
  static void requireRunnable(String option, List<String> named, BreezyInstallation breezy) {
    for (String name : named) {
      String target = name.trim();
      if (target.equals("all") || !Targets.NAMES.contains(target)) {
        continue;
      }
      Targets.unavailable(target, breezy).ifPresent(why -> {
        throw new BadArgument(option + ": " + target + " cannot run here (" + why
            + "); name the targets that can, or 'all' to skip the others");
      });
    }
  }

  /** A bad argument found by a check, with its one line. */
  static final class BadArgument extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    BadArgument(String message) {
      super(message);
    }
  }

  /**
   * Prints {@code banner} and blocks until the JVM is asked to stop (Ctrl-C), then closes
   * {@code service} and prints {@code stopped}.
   */
  int serveUntilStopped(AutoCloseable service, String banner) {
    PrintWriter out = command.commandLine().getOut();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      closeQuietly(service);
      out.println("stopped");
      out.flush();
      stopped.countDown();
    }, "cutpoint-" + command.name() + "-shutdown"));
    out.println(banner);
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(service);
    }
    return 0;
  }

  private static void closeQuietly(AutoCloseable service) {
    try {
      service.close();
    } catch (Exception e) {
      // the process is ending; what could not close goes with it
    }
  }
}
