package dev.cutpoint.cli;

import dev.cutpoint.drive.ClientCommand;
import dev.cutpoint.drive.FaultMatrix;
import dev.cutpoint.drive.MatrixReports;
import dev.cutpoint.drive.MatrixResult;
import dev.cutpoint.drive.MatrixSettings;
import dev.cutpoint.drive.Mutant;
import dev.cutpoint.drive.ProgressLines;
import dev.cutpoint.drive.ServerCommand;
import dev.cutpoint.drive.Targets;
import dev.cutpoint.drive.breezy.BreezyInstallation;
import dev.cutpoint.drive.breezy.BreezyModule;
import dev.cutpoint.drive.breezy.BreezyTargets;
import dev.cutpoint.report.FailurePrinter;
import dev.cutpoint.report.MalformedReportException;
import dev.cutpoint.report.MatrixReport;
import dev.cutpoint.report.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cutpoint matrix}: the fault matrix outside Maven (SPEC §2, §6, §9). Progress lines while it
 * runs, each new violation with its minimal counterexample and replay command, the report's path
 * and the rate; the last line is exactly {@code N cases, V violations, C/T cells covered}. Exit 0
 * only when there is no violation and every applicable cell is covered; 1 otherwise; 2 for bad
 * arguments; 3 when the harness itself cannot run (no Toxiproxy, a port).
 */
@Command(
    name = "matrix",
    mixinStandardHelpOptions = true,
    description = {
      "Run the fault matrix: every verb class x phase x kind, N cases per applicable cell, judged by the oracle.",
      "The last line is 'N cases, V violations, C/T cells covered'; exit 0 only with no violation and full coverage."
    })
public final class MatrixCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--target", paramLabel = "T", split = ",",
      description = "Targets to run, comma-separated, or 'all' (default: java, or server-command when --server-command is given; accepted: java, breezy-server, breezy-client, breezy, server-command, client-command, all, which is the first four; a Breezy target is skipped, with the reason, where Breezy is not installed).")
  List<String> targets = new ArrayList<>();

  @Option(names = "--server-command", paramLabel = "CMD",
      description = "Your own bzr smart server, as the server of the target server-command: a shell command with {host}, {port} and {dir}, e.g. 'brz serve --listen={host} --port={port} --directory={dir} --allow-writes'. It is started per run and per restart, ready when it accepts, and judged from the directory's state.")
  String serverCommand;

  @Option(names = "--client-command", paramLabel = "CMD",
      description = "Your own bzr smart client, as the client of the target client-command: a shell command that speaks the driver protocol of docs/driver-protocol.md on its stdin and stdout. It runs against the reference server and its journal.")
  String clientCommand;

  @Option(names = "--breezy", paramLabel = "PATH",
      description = "A directory holding the breezy package to use instead of the system's, for Breezy's client (the driver), brz serve and every other brz the run starts: a source checkout, or a copy of /usr/lib/python3/dist-packages/breezy with your change. Checked before any case runs.")
  Path breezy;

  @Option(names = "--tries", paramLabel = "N", defaultValue = "3",
      description = "Cases per applicable cell (default: ${DEFAULT-VALUE}).")
  int tries;

  @Option(names = "--seed", paramLabel = "S", description = "The run's seed (default: a random one, printed).")
  Long seed;

  @Option(names = "--toxiproxy", paramLabel = "P",
      description = "embedded, an http://host:port URL, or a toxiproxy-server binary (default: cutpoint.toxiproxy, TOXIPROXY_URL, else embedded).")
  String toxiproxy;

  @Option(names = "--mutant", paramLabel = "NAME", defaultValue = "none",
      description = "Run a deliberately wrong client or server (default: ${DEFAULT-VALUE}; accepted: none, resend-all, resend-none, resend-started-stream, resend-forever, no-timeout, server-executes-partial).")
  String mutant;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports/target/fault-matrix",
      description = "Where the report goes (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--baseline", paramLabel = "OLD.json", description = "A matrix.json of an earlier run to compare with.")
  Path baseline;

  @Option(names = "--workers", paramLabel = "W",
      description = "Cases run at once on each target (default, as in Maven: four per core, at most 8, on java; one per core on a Breezy target).")
  Integer workers;

  @Option(names = "--confirm", paramLabel = "K", defaultValue = "3",
      description = "Replays of each new violation before it is reported, shown as 'reproduced k/K' (default: ${DEFAULT-VALUE}; 0 for none).")
  int confirm;

  @Option(names = "--no-minimize", description = "Do not shrink violating cases.")
  boolean noMinimize;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true, StandardCharsets.UTF_8);
    MatrixSettings settings;
    try {
      settings = settings();
    } catch (IllegalArgumentException e) {
      err.println("cutpoint: matrix: " + e.getMessage());
      err.flush();
      return 2;
    }
    out.println("matrix: targets " + String.join(", ", settings.targets()) + ", " + settings.tries()
        + " case(s) per cell, seed " + settings.seed() + ", mutant " + settings.mutant().label() + ", workers "
        + settings.workersLine() + ", " + settings.confirm() + " replay(s) of each new violation"
        + breezyOfRun(settings).map(b -> ", Breezy " + b.describe()).orElse(""));
    ProgressLines progress = new ProgressLines(out,
        planned -> new Progress(planned, out, System.console() != null, Duration.ofSeconds(2), System::nanoTime));
    MatrixResult result;
    try {
      result = FaultMatrix.run(settings, progress);
    } catch (IllegalArgumentException e) {
      err.println("cutpoint: matrix: " + e.getMessage());
      err.flush();
      return 2;
    } catch (IOException | RuntimeException e) {
      err.println("cutpoint: matrix: the harness failed: " + e.getMessage());
      err.flush();
      return 3;
    }
    progress.finish();
    MatrixReports.Written written;
    MatrixReport report;
    try {
      report = MatrixReports.toReport(result);
      written = MatrixReports.write(result);
    } catch (MalformedReportException e) {
      err.println("cutpoint: matrix: --baseline " + baseline + ": " + e.getMessage());
      err.flush();
      return 2;
    } catch (IOException | RuntimeException e) {
      err.println("cutpoint: matrix: cannot write the report to " + settings.out() + ": " + e.getMessage());
      err.flush();
      return 3;
    }
    FailurePrinter.printNew(out, report);
    result.targets().forEach(t -> t.errors().forEach(e -> out.println("harness error in " + e.caseId() + ": " + e.reason())));
    out.println("report: " + written.report().html() + " (matrix.json, summary.md, " + written.caseFiles()
        + " case files in " + written.casesDirectory() + ")");
    out.println(String.format(Locale.ROOT,
        "rate: %.1f cases/s while running cases (workers %s); %d cases in %.1f s in all, %.1f cases/s",
        result.caseRate(), settings.workersLine(), result.cases(), result.elapsed().toMillis() / 1000.0, result.rate()));
    out.println(result.summaryLine());
    out.flush();
    return result.passed() ? 0 : 1;
  }

  /**
   * The Breezy a run uses, when it uses one: a Breezy target, a user's server (Breezy makes its
   * branches), or a Breezy chosen with {@code --breezy}.
   */
  private static Optional<BreezyModule> breezyOfRun(MatrixSettings settings) {
    boolean uses = settings.breezy().breezyPath().isPresent()
        || settings.targets().stream().anyMatch(t -> BreezyTargets.NAMES.contains(t) || t.equals(Targets.SERVER_COMMAND));
    return uses ? BreezyTargets.module(settings.breezy()) : Optional.empty();
  }

  /** The run the arguments ask for, checked. */
  MatrixSettings settings() {
    if (tries < 1) {
      throw new IllegalArgumentException("--tries must be at least 1, was " + tries);
    }
    if (workers != null && (workers < 1 || workers > 64)) {
      throw new IllegalArgumentException("--workers must be between 1 and 64, was " + workers);
    }
    if (confirm < 0 || confirm > MatrixSettings.MAX_CONFIRM) {
      throw new IllegalArgumentException("--confirm must be between 0 and " + MatrixSettings.MAX_CONFIRM + ", was " + confirm);
    }
    Optional<ServerCommand> server;
    try {
      server = Optional.ofNullable(serverCommand).map(ServerCommand::new);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--server-command: " + e.getMessage());
    }
    Optional<ClientCommand> client;
    try {
      client = Optional.ofNullable(clientCommand).map(ClientCommand::new);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--client-command: " + e.getMessage());
    }
    List<String> names = Targets.resolve("--target", targets, server, client);
    Mutant chosen;
    try {
      chosen = Mutant.byLabel(mutant);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--mutant: " + e.getMessage());
    }
    if (baseline != null && !Files.isRegularFile(baseline)) {
      throw new IllegalArgumentException("--baseline " + baseline + " is not a file");
    }
    return new MatrixSettings(
        names,
        tries,
        seed != null ? seed : new SecureRandom().nextLong(),
        Optional.ofNullable(toxiproxy),
        chosen,
        out,
        Optional.ofNullable(baseline),
        !noMinimize,
        Optional.ofNullable(workers),
        confirm,
        server,
        client,
        breezy == null ? BreezyInstallation.system() : BreezyTargets.chosen("--breezy", breezy));
  }
}
