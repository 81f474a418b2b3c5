package dev.cutpoint.cli;

import dev.cutpoint.drive.MatrixReports;
import dev.cutpoint.drive.MatrixSettings;
import dev.cutpoint.drive.ProgressLines;
import dev.cutpoint.drive.Scheduling;
import dev.cutpoint.drive.Targets;
import dev.cutpoint.drive.breezy.BreezyModule;
import dev.cutpoint.drive.breezy.BreezyTargets;
import dev.cutpoint.drive.breezy.Reaper;
import dev.cutpoint.drive.enumeration.Enumeration;
import dev.cutpoint.drive.enumeration.EnumerationRefusedException;
import dev.cutpoint.drive.enumeration.EnumerationReports;
import dev.cutpoint.drive.enumeration.EnumerationResult;
import dev.cutpoint.drive.enumeration.EnumerationSettings;
import dev.cutpoint.drive.enumeration.EnumerationSoFar;
import dev.cutpoint.drive.enumeration.EnumerationWorkload;
import dev.cutpoint.drive.enumeration.SkipCause;
import dev.cutpoint.drive.enumeration.WorkloadFiles;
import dev.cutpoint.report.FailurePrinter;
import dev.cutpoint.report.MatrixReport;
import dev.cutpoint.report.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cutpoint enumerate}: every cut point of one workload, once each (SPEC §12). Progress lines
 * while it runs, each new violation with its case and replay command, what was skipped and why,
 * the report's path and the rate; the last line is exactly {@code N cut points, 0 violating cases,
 * S skipped by stride} (the violations counted as {@code matrix} counts them), then {@code , E not
 * expressible} when the target cannot cut everywhere. Exit codes as {@code matrix}'s: 0 when no new
 * violation, every fault fired and every case ran; 1 otherwise; 2 for bad arguments, found before
 * any case runs; 3 when the harness itself cannot run.
 */
@Command(
    name = "enumerate",
    mixinStandardHelpOptions = true,
    description = {
      "Cut one workload at every byte of every request and response and in every gap, once each, and judge each case.",
      "The last line is 'N cut points, V violating cases, S skipped by stride'; exit 0 only with no new violation."
    })
public final class EnumerateCommand implements Callable<Integer> {

  @Mixin CommandSupport support;
  @Mixin RunOptions run;

  @Option(names = "--target", paramLabel = "T", defaultValue = "java",
      description = "The target (default: ${DEFAULT-VALUE}; accepted: java, breezy-server, breezy-client, breezy, server-command, client-command).")
  String target;

  @Option(names = "--workload", paramLabel = "FILE",
      description = "A workload file: a JSON list of requests (docs/enumerate.md). Default: the built-in workload.")
  Path workloadFile;

  @Option(names = "--case", paramLabel = "FILE", description = "Cut the requests of a recorded case file instead.")
  Path caseFile;

  @Option(names = "--max-cases", paramLabel = "N",
      description = "Run at most N cut points, evenly spaced over all of them; the others are counted as skipped by stride.")
  Integer maxCases;

  @Option(names = "--stride", paramLabel = "BYTES", defaultValue = "65536",
      description = "Inside a body part longer than this, cut only its first and last bytes and every BYTES-th byte (default: ${DEFAULT-VALUE}).")
  long stride;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports/target/enumerate",
      description = "Where the report goes (default: ${DEFAULT-VALUE}).")
  Path out;

  @Mixin BreezyOption breezy;

  @Override
  public Integer call() {
    PrintStream out = new PrintStream(new WriterOutputStream(support.command.commandLine().getOut()), true,
        StandardCharsets.UTF_8);
    EnumerationSettings settings;
    String proxy;
    try {
      settings = settings();
      // every argument is checked before the first case: a run finds out now, not after its last case
      CommandSupport.requireWritableDirectory("--out", settings.out(), MatrixReports.CASES);
      Targets.unavailable(settings.target(), settings.breezy()).ifPresent(why -> {
        throw new IllegalArgumentException("--target: " + settings.target() + " cannot run here (" + why + ")");
      });
      proxy = CommandSupport.requireToxiproxy(settings.toxiproxy());
    } catch (IllegalArgumentException e) {
      return support.fail(e.getMessage());
    }
    out.println("enumerate: target " + settings.target() + ", workload " + settings.workload().source() + " ("
        + settings.workload().requests().size() + " requests), stride " + settings.stride() + " B"
        + settings.maxCases().map(n -> ", at most " + n + " cases (evenly spaced)").orElse("") + ", seed "
        + settings.seed() + ", mutant " + settings.mutant().label() + ", workers " + settings.workers()
        + ", Toxiproxy " + proxy + breezyOfRun(settings).map(b -> ", Breezy " + b.describe()).orElse("")
        + ", scheduling " + Scheduling.describe(List.of(settings.target()), settings.targetSettings().toxiproxy()));
    ProgressLines progress = new ProgressLines(out,
        planned -> new Progress(planned, out, System.console() != null, Duration.ofSeconds(2), System::nanoTime));
    EnumerationSoFar soFar = new EnumerationSoFar(progress);
    EarlyReport early = new EarlyReport("enumerate", new EarlyReport.SoFar() {
      private Optional<EnumerationResult> finished = Optional.empty();

      @Override
      public String stop() {
        finished = soFar.stop();
        return "after " + soFar.finished() + " of " + soFar.plannedCases() + " cut points";
      }

      @Override
      public Optional<String> write(String ending) throws IOException {
        if (finished.isEmpty()) {
          return Optional.empty();
        }
        EnumerationReports.Written report = EnumerationReports.writeEnded(finished.get(), ending);
        return Optional.of(report.report().html() + " (matrix.json, cutpoints.json, summary.md, "
            + report.caseFiles() + " case files)");
      }
    }, out);
    Thread onCtrlC = early.addHook();
    // the count stops before the reaper kills Breezy's processes, whose death would end cases
    Runnable stopCounting = soFar::stop;
    Reaper.beforeReaping(stopCounting);
    EnumerationResult result;
    try {
      result = Enumeration.run(settings, soFar, soFar::planned);
    } catch (EnumerationRefusedException e) {
      early.claim();
      EarlyReport.removeHook(onCtrlC);
      return support.fail(e.getMessage());
    } catch (IOException | RuntimeException e) {
      // whatever else a run throws, a bad argument among them, is the harness's: it could not run
      support.command.commandLine().getErr().println("cutpoint enumerate: the harness failed: " + e.getMessage());
      support.command.commandLine().getErr().flush();
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
    MatrixReport report;
    EnumerationReports.Written written;
    try {
      report = EnumerationReports.toReport(result);
      written = EnumerationReports.write(result);
    } catch (IOException | RuntimeException e) {
      support.command.commandLine().getErr().println("cutpoint enumerate: cannot write the report to "
          + settings.out() + ": " + e.getMessage());
      support.command.commandLine().getErr().flush();
      return CommandSupport.HARNESS_FAILED;
    } finally {
      early.done();
      EarlyReport.removeHook(onCtrlC);
    }
    print(out, result, report, written);
    return result.passed() ? 0 : 1;
  }

  private static void print(PrintStream out, EnumerationResult result, MatrixReport report,
      EnumerationReports.Written written) {
    result.omitted().forEach(o -> out.println("request " + o.workloadIndex() + " " + o.verb() + " left out: "
        + o.reason()));
    if (!result.faultFree().passed()) {
      out.println("the workload without a fault already breaks an invariant: " + result.faultFree().violations());
    }
    FailurePrinter.printNew(out, report);
    result.errors().forEach(e -> out.println("harness error in " + e.caseId() + ": " + e.reason()));
    result.untested().forEach(c -> out.println("fault did not fire in " + c.id() + ": "
        + c.record().injection().evidence()));
    long stride = result.plan().skipped(SkipCause.STRIDE);
    long capped = result.plan().skipped(SkipCause.MAX_CASES);
    out.println("skipped: " + stride + " cut points inside large bodies between the stride's offsets (every "
        + result.settings().stride() + " B)" + (capped > 0 ? ", " + capped + " more to stay under --max-cases "
            + result.settings().maxCases().orElseThrow() + " (every " + String.format(Locale.ROOT, "%.2f",
            (double) (result.cases().size() + result.errors().size() + capped)
                / (result.cases().size() + result.errors().size())) + "th kept)" : "")
        + "; " + result.notExpressible() + " not expressible on " + result.target() + " (summary.md lists why)");
    out.println("report: " + written.report().html() + " (matrix.json, cutpoints.json, summary.md, "
        + written.caseFiles() + " case files in " + written.casesDirectory() + ")");
    out.println(String.format(Locale.ROOT,
        "rate: %.1f cut points/s while running cases (workers %d); %d cut points in %.1f s in all, %.1f cut points/s",
        result.caseRate(), result.settings().workers(), result.cases().size(), result.elapsed().toMillis() / 1000.0,
        result.rate()));
    out.println(result.summaryLine());
    out.flush();
  }

  /** The Breezy the run uses, when it uses one: a Breezy target, a user's server, or {@code --breezy}. */
  private Optional<BreezyModule> breezyOfRun(EnumerationSettings settings) {
    boolean uses = breezy.given() || BreezyTargets.NAMES.contains(settings.target())
        || settings.target().equals(Targets.SERVER_COMMAND);
    return uses ? BreezyTargets.module(settings.breezy()) : Optional.empty();
  }

  /** The run the arguments ask for, checked. */
  EnumerationSettings settings() {
    if (workloadFile != null && caseFile != null) {
      throw new IllegalArgumentException("--workload and --case both name the requests: give one");
    }
    if (maxCases != null && maxCases < 1) {
      throw new IllegalArgumentException("--max-cases must be at least 1, was " + maxCases);
    }
    if (stride < 1) {
      throw new IllegalArgumentException("--stride must be at least 1 byte, was " + stride);
    }
    List<String> names = Targets.resolve("--target", List.of(target), run.serverCommand(), run.clientCommand());
    if (names.size() != 1) {
      throw new IllegalArgumentException("--target: enumerate runs one target, given " + names);
    }
    EnumerationWorkload workload = workloadFile != null ? WorkloadFiles.workload(workloadFile)
        : caseFile != null ? WorkloadFiles.recordedCase(caseFile)
        : EnumerationWorkload.builtIn();
    String name = names.get(0);
    return new EnumerationSettings(workload, name, run.mutant(), run.toxiproxy(), stride,
        Optional.ofNullable(maxCases), run.seed(), run.workers().orElseGet(() -> MatrixSettings.defaultWorkers(name)),
        out, run.serverCommand(), run.clientCommand(),
        breezy.installation(), run.shard());
  }
}
