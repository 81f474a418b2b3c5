package dev.cutpoint.cli;

import dev.cutpoint.drive.ClientCommand;
import dev.cutpoint.drive.FaultMatrix;
import dev.cutpoint.drive.FinishedSoFar;
import dev.cutpoint.drive.MatrixReports;
import dev.cutpoint.drive.MatrixResult;
import dev.cutpoint.drive.MatrixSettings;
import dev.cutpoint.drive.Mutant;
import dev.cutpoint.drive.ProgressLines;
import dev.cutpoint.drive.Scheduling;
import dev.cutpoint.drive.ServerCommand;
import dev.cutpoint.drive.Targets;
import dev.cutpoint.drive.breezy.BreezyInstallation;
import dev.cutpoint.drive.breezy.BreezyModule;
import dev.cutpoint.drive.breezy.BreezyTargets;
import dev.cutpoint.drive.breezy.Reaper;
import dev.cutpoint.report.BaselineDiff;
import dev.cutpoint.report.FailurePrinter;
import dev.cutpoint.report.Finding;
import dev.cutpoint.report.MatrixReport;
import dev.cutpoint.report.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cutpoint matrix}: the fault matrix outside Maven (SPEC §2, §6, §9). Every argument is
 * checked before the first case. Progress lines while it runs, each new violation with its minimal
 * counterexample and replay command, the report's path and the rate, the comparison with a
 * baseline; the last line is {@code N cases, V violating cases (…), C/T cells covered}. Exit 0
 * only when no violation fails the run ({@code --fail-on}) and every applicable cell is covered; 1
 * otherwise; 2 for bad arguments; 3 when the harness itself cannot run; 130 on Ctrl-C. However it
 * ends, the cases that finished are written as a report.
 */
@Command(
    name = "matrix",
    mixinStandardHelpOptions = true,
    description = {
      "Run the fault matrix: every verb class x phase x kind, N cases per applicable cell, judged by the oracle.",
      "Every argument is checked before the first case; however the run ends (Ctrl-C included), the cases that finished are written as a report.",
      "The last line is 'N cases, V violating cases (invariants), C/T cells covered'; exit 0 only with no violation and full coverage."
    })
public final class MatrixCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin RunOptions run;

  @Option(names = "--target", paramLabel = "T", split = ",",
      description = "Targets to run, comma-separated, or 'all' (default: java, or server-command when --server-command is given; accepted: java, breezy-server, breezy-client, breezy, server-command, client-command, all, which is the first four; a Breezy target is skipped, with the reason, where Breezy is not installed).")
  List<String> targets = new ArrayList<>();

  @Mixin BreezyOption breezy;

  @Option(names = "--tries", paramLabel = "N", defaultValue = "3",
      description = "Cases per applicable cell (default: ${DEFAULT-VALUE}).")
  int tries;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports/target/fault-matrix",
      description = "Where the report goes (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--baseline", paramLabel = "OLD.json", description = "A matrix.json of an earlier run to compare with.")
  Path baseline;

  @Option(names = "--confirm", paramLabel = "K", defaultValue = "3",
      description = "Replays of each new violation before it is reported, shown as 'reproduced k/K' (default: ${DEFAULT-VALUE}; 0 for none).")
  int confirm;

  @Option(names = "--no-minimize", description = "Do not shrink violating cases.")
  boolean noMinimize;

  /** What fails the run among its violations. */
  enum FailOn { NEW, ALL }

  @Option(names = "--fail-on", paramLabel = "new|all", defaultValue = "all", converter = FailOnConverter.class,
      description = "Which violations fail the run (exit 1): all (default) that no reviewed finding covers, or only "
          + "those new since --baseline (a cell and invariant the baseline did not have); Maven: cutpoint.failOn.")
  FailOn failOn;

  /** {@code new} or {@code all}, in any case. */
  static final class FailOnConverter implements CommandLine.ITypeConverter<FailOn> {
    @Override
    public FailOn convert(String value) {
      try {
        return FailOn.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not new or all");
      }
    }
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true, StandardCharsets.UTF_8);
    MatrixSettings settings;
    String proxy;
    Optional<MatrixReport> old;
    try {
      settings = settings();
      // every argument is checked before the first case: a run finds out now, not after its last case
      CommandSupport.requireWritableDirectory("--out", settings.out(), MatrixReports.CASES);
      old = Optional.ofNullable(baseline).map(b -> CommandSupport.readReport("--baseline", b));
      old.ifPresent(b -> refuseUnlike(b, settings));
      proxy = CommandSupport.requireToxiproxy(run.toxiproxy());
    } catch (IllegalArgumentException e) {
      err.println("cutpoint: matrix: " + e.getMessage());
      err.flush();
      return CommandSupport.BAD_ARGUMENTS;
    }
    out.println("matrix: targets " + String.join(", ", settings.targets()) + ", " + settings.tries()
        + " case(s) per cell, seed " + settings.seed() + ", mutant " + settings.mutant().label() + ", workers "
        + settings.workersLine() + ", " + settings.confirm() + " replay(s) of each new violation, Toxiproxy " + proxy
        + breezyOfRun(settings).map(b -> ", Breezy " + b.describe()).orElse("")
        + ", scheduling " + Scheduling.describe(settings.targets(), settings.toxiproxy()));
    old.ifPresent(b -> unlike(b, settings).ifPresent(line -> out.println("vs baseline: not like for like: " + line)));
    ProgressLines progress = new ProgressLines(out,
        planned -> new Progress(planned, out, System.console() != null, Duration.ofSeconds(2), System::nanoTime));
    FinishedSoFar soFar = new FinishedSoFar(settings, progress);
    EarlyReport early = new EarlyReport("matrix", new EarlyReport.SoFar() {
      @Override
      public String stop() {
        soFar.stop();
        return "after " + soFar.finished() + " of " + soFar.planned() + " cases";
      }

      @Override
      public Optional<String> write(String ending) throws IOException {
        MatrixReports.Written report = MatrixReports.writeEnded(soFar.result(), ending);
        return Optional.of(report.report().html() + " (matrix.json, summary.md, " + report.caseFiles() + " case files)");
      }
    }, out);
    Thread onCtrlC = early.addHook();
    // the count stops before the reaper kills Breezy's processes, whose death would end cases
    Runnable stopCounting = soFar::stop;
    Reaper.beforeReaping(stopCounting);
    MatrixResult result;
    try {
      result = FaultMatrix.run(settings, soFar);
    } catch (IOException | RuntimeException e) {
      // every argument was checked before the first case: what fails now is the harness
      err.println("cutpoint: matrix: the harness failed: " + e.getMessage());
      err.flush();
      early.write("the harness failed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
      EarlyReport.removeHook(onCtrlC);
      return CommandSupport.HARNESS_FAILED;
    } finally {
      Reaper.forget(stopCounting);
    }
    progress.finish();
    if (!early.claim()) {
      return CommandSupport.INTERRUPTED;
    }
    // the hook stays until the report is written: a Ctrl-C meanwhile waits for it instead of
    // cutting it off half-written
    MatrixReports.Written written;
    MatrixReport report;
    try {
      report = MatrixReports.toReport(result);
      written = MatrixReports.write(result);
    } catch (IOException | RuntimeException e) {
      err.println("cutpoint: matrix: cannot write the report to " + settings.out() + ": " + e.getMessage());
      err.flush();
      return CommandSupport.HARNESS_FAILED;
    } finally {
      early.done();
      EarlyReport.removeHook(onCtrlC);
    }
    FailurePrinter.printNew(out, report);
    result.targets().forEach(t -> t.errors().forEach(e -> out.println("harness error in " + e.caseId() + ": " + e.reason())));
    out.println("report: " + written.report().html() + " (matrix.json, summary.md, " + written.caseFiles()
        + " case files in " + written.casesDirectory() + ")");
    out.println(String.format(Locale.ROOT,
        "rate: %.1f cases/s while running cases (workers %s); %d cases in %.1f s in all, %.1f cases/s",
        result.caseRate(), settings.workersLine(), result.cases(), result.elapsed().toMillis() / 1000.0, result.rate()));
    Optional<BaselineDiff> diff = written.report().diff();
    diff.ifPresent(d -> out.println(d.line()));
    out.println(result.summaryLine());
    out.flush();
    return failed(result, report, diff) ? CommandSupport.VIOLATIONS : CommandSupport.PASSED;
  }

  /**
   * Whether the run fails: a cell left uncovered or a case the harness could not run always fail
   * it; of the violations, with {@code --fail-on all} any that no reviewed finding covers, with
   * {@code --fail-on new} only those whose cell and invariant the baseline did not have.
   */
  boolean failed(MatrixResult result, MatrixReport report, Optional<BaselineDiff> diff) {
    if (!result.covered() || result.harnessErrors() > 0) {
      return true;
    }
    List<Finding> fresh = report.newFindings();
    if (failOn == FailOn.NEW && diff.isPresent()) {
      return fresh.stream().anyMatch(f -> diff.get().isNew(f.caseRecord(), f.violation()));
    }
    return !fresh.isEmpty();
  }

  /** A baseline of another mutant compares nothing: refused before the run. */
  private static void refuseUnlike(MatrixReport old, MatrixSettings settings) {
    old.run().mutant().filter(m -> !m.equals(settings.mutant().label())).ifPresent(m -> {
      throw new CommandSupport.BadArgument("--baseline " + "ran mutant " + m + ", this run " + settings.mutant().label()
          + ": their violations do not compare (give a baseline of the same mutant, or none)");
    });
  }

  /** Other targets or tries: compared all the same, by cell and invariant, and said so in one line. */
  private static Optional<String> unlike(MatrixReport old, MatrixSettings settings) {
    List<String> differences = new ArrayList<>();
    if (!old.run().targets().equals(settings.targets())) {
      differences.add("targets " + String.join(",", old.run().targets()) + " in the baseline, "
          + String.join(",", settings.targets()) + " now");
    }
    if (old.run().triesPerCell() != settings.tries()) {
      differences.add(old.run().triesPerCell() + " tries per cell in the baseline, " + settings.tries() + " now");
    }
    return differences.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", differences)
        + " (violations are compared by cell and invariant all the same)");
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
    if (confirm < 0 || confirm > MatrixSettings.MAX_CONFIRM) {
      throw new IllegalArgumentException("--confirm must be between 0 and " + MatrixSettings.MAX_CONFIRM + ", was " + confirm);
    }
    Optional<ServerCommand> server = run.serverCommand();
    Optional<ClientCommand> client = run.clientCommand();
    List<String> names = Targets.resolve("--target", targets, server, client);
    // the Breezy chosen is the one a target must be able to run
    BreezyInstallation chosenBreezy = breezy.installation();
    CommandSupport.requireRunnable("--target", targets, chosenBreezy);
    Mutant chosen = run.mutant();
    return new MatrixSettings(
        names,
        tries,
        run.seed(),
        run.toxiproxy(),
        chosen,
        out,
        Optional.ofNullable(baseline),
        !noMinimize,
        run.workers(),
        confirm,
        server,
        client,
        chosenBreezy,
        run.shard());
  }
}
