package dev.cutpoint.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.drive.CaseResult;
import dev.cutpoint.drive.FaultMatrix;
import dev.cutpoint.drive.MatrixCell;
import dev.cutpoint.drive.MatrixReports;
import dev.cutpoint.drive.MatrixResult;
import dev.cutpoint.drive.MatrixSettings;
import dev.cutpoint.drive.Mutant;
import dev.cutpoint.drive.ProgressLines;
import dev.cutpoint.drive.Scheduling;
import dev.cutpoint.drive.TargetResult;
import dev.cutpoint.drive.Targets;
import dev.cutpoint.drive.breezy.BreezyInstallation;
import dev.cutpoint.drive.breezy.BreezyTargets;
import dev.cutpoint.report.FailurePrinter;
import dev.cutpoint.report.Finding;
import dev.cutpoint.report.ViolationCount;
import dev.cutpoint.report.MatrixReport;
import dev.cutpoint.report.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The fault matrix as Maven runs it (SPEC §2, §6, §9): {@code mvn verify} with the small budget of
 * the parent pom, {@code mvn verify -Pfault-matrix} with the full one. Settings come from the
 * {@code cutpoint.*} system properties (the Breezy targets, whose cases run 10–50 times slower,
 * get {@code cutpoint.breezy.tries} cases per cell: by default {@code cutpoint.tries}, at most 5).
 * The report goes to {@code reports/target/fault-matrix/} under the repository root, written
 * before anything is asserted, so that it is there when the build fails; each violation is printed
 * with its invariant, how often its replays ({@code cutpoint.confirm}) reproduced it, the case in
 * three lines and the command that replays it. The run fails on
 * any violated invariant that no reviewed finding covers, on any applicable cell left uncovered,
 * and on any case the harness could not run.
 */
class FaultMatrixIT {

  private final PrintStream out = System.out;

  @Test
  void everyInvariantHoldsInEveryApplicableCell() throws IOException {
    RunSettings asked = RunSettings.system();
    int tries = asked.tries();
    Optional<Long> givenSeed = asked.seed();
    long seed = givenSeed.orElseGet(() -> new SecureRandom().nextLong());
    Optional<String> toxiproxy = asked.toxiproxy();
    Optional<Path> baseline = asked.baseline();
    boolean failOnNew = asked.failOnNewOnly();
    List<String> run = asked.targets();
    BreezyInstallation breezyInstallation = asked.breezy();
    if (!asked.allTargets()) {
      for (String name : run) {
        Optional<String> unavailable = Targets.unavailable(name, breezyInstallation);
        if (unavailable.isPresent()) {
          throw new BadRunSetting(RunSettings.TARGETS,
              RunSettings.TARGETS + ": " + name + " cannot run here (" + unavailable.get()
                  + "); name the targets that can, or 'all' to skip the others");
        }
      }
    }
    List<String> breezy = run.stream().filter(BreezyTargets.NAMES::contains).toList();
    List<String> others = run.stream().filter(name -> !breezy.contains(name)).toList();
    // the workers of each target are the CLI's defaults (MatrixSettings.defaultWorkers)
    MatrixSettings settings = new MatrixSettings(run, tries, seed, toxiproxy, Mutant.NONE,
        asked.root().resolve(MatrixSettings.DEFAULT_OUT), baseline, true, Optional.empty(), asked.confirm(),
        asked.serverCommand(), asked.clientCommand(), breezyInstallation).withShard(asked.shard());
    out.println("fault matrix: targets " + String.join(", ", run)
        + (settings.shard().isWhole() ? "" : ", shard " + settings.shard() + " (-D" + RunSettings.SHARD + ")")
        + ", seed " + seed
        + (givenSeed.isPresent() ? "" : " (random; re-run it with -D" + RunSettings.SEED + "=" + seed + ")")
        + ", workers " + settings.workersLine() + ", " + settings.confirm() + " replay(s) of each new violation (-D"
        + RunSettings.CONFIRM + "); cases per cell: " + tries
        + (breezy.isEmpty() ? "" : ", " + asked.breezyTries() + " on the Breezy targets (-D"
            + RunSettings.BREEZY_TRIES + ")")
        + (breezy.isEmpty() ? "" : BreezyTargets.module(breezyInstallation)
            .map(m -> "; Breezy " + m.describe() + " (-D" + RunSettings.BREEZY + ")").orElse(""))
        + "; scheduling " + Scheduling.describe(run, toxiproxy));

    ProgressLines progress = new ProgressLines(out, Progress::toStdout);
    List<MatrixResult> parts = new ArrayList<>();
    if (!others.isEmpty()) {
      parts.add(FaultMatrix.run(settings.withTargets(others), progress));
    }
    if (!breezy.isEmpty()) {
      parts.add(FaultMatrix.run(settings.withTargets(breezy).withTries(asked.breezyTries()), progress));
    }
    progress.finish();
    MatrixResult result = combined(settings, parts);
    MatrixReports.Written written = MatrixReports.write(result);
    MatrixReport report = MatrixReports.toReport(result);

    FailurePrinter.printNew(out, report);
    List<String> uncovered = uncovered(result);
    uncovered.forEach(cell -> out.println("uncovered cell " + cell));
    out.println("report: " + written.report().html() + " (matrix.json, summary.md, " + written.caseFiles()
        + " case files in " + written.casesDirectory() + ")");
    out.println(String.format(Locale.ROOT, "rate: %.1f cases/s while running cases; %d cases in %.1f s in all",
        result.caseRate(), result.cases(), result.elapsed().toMillis() / 1000.0));
    written.report().diff().ifPresent(diff -> out.println(diff.line()));
    out.println(result.summaryLine());

    String where = " (seed " + seed + "; report " + written.report().html() + ")";
    // a violation a reviewed finding covers (real Breezy's, expected-findings.json) is expected;
    // with cutpoint.failOn=new, one the baseline already had is let through too
    boolean newOnly = failOnNew && written.report().diff().isPresent();
    List<Finding> failing = report.newFindings().stream()
        .filter(f -> !newOnly || written.report().diff().get().isNew(f.caseRecord(), f.violation()))
        .toList();
    assertThat(failing).as("%s, printed above%s%s", ViolationCount.of(failing).describe(),
        newOnly ? " (only those new since the baseline fail: cutpoint.failOn=new)" : "", where).isEmpty();
    assertThat(uncovered).as("applicable cells without their budget of tested cases%s", where).isEmpty();
    assertThat(result.harnessErrors()).as("cases the harness could not run%s", where).isZero();
  }

  /**
   * One result of the runs with their own budgets, for one report: its settings name every target
   * and the smallest budget, so that the report's "covered (≥ N cases each)" holds for every cell;
   * each target's result keeps its own budget.
   */
  private static MatrixResult combined(MatrixSettings settings, List<MatrixResult> parts) {
    int tries = parts.stream().mapToInt(p -> p.settings().tries()).min().orElse(settings.tries());
    return new MatrixResult(
        settings.withTries(tries),
        parts.stream().flatMap(p -> p.targets().stream()).toList(),
        parts.get(0).startedAt(),
        parts.stream().map(MatrixResult::elapsed).reduce(Duration.ZERO, Duration::plus),
        parts.stream().flatMap(p -> p.skipped().stream()).toList(),
        parts.get(0).expected());
  }

  /** Applicable cells with fewer than {@code tries} cases whose fault fired, as {@code target read-WRITE-CLOSE}. */
  private static List<String> uncovered(MatrixResult result) {
    List<String> uncovered = new ArrayList<>();
    if (!result.settings().shard().isWhole()) {
      return uncovered; // a shard holds a part of each cell's cases: the merged report judges coverage
    }
    for (TargetResult target : result.targets()) {
      target.cells().forEach((cell, applicability) -> {
        if (applicability.applicable() && tested(target, cell) < target.triesPerCell()) {
          uncovered.add(target.target() + " " + cell.id() + ": " + tested(target, cell) + " tested case(s)");
        }
      });
    }
    return uncovered;
  }

  private static long tested(TargetResult target, MatrixCell cell) {
    return target.cases().stream().filter(c -> !c.persistent() && c.cell().equals(cell)).filter(CaseResult::tested).count();
  }
}
