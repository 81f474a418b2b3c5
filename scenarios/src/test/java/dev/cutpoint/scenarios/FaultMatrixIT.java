package dev.cutpoint.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.drive.CaseResult;
import dev.cutpoint.drive.FaultMatrix;
import dev.cutpoint.drive.JavaTarget;
import dev.cutpoint.drive.MatrixCell;
import dev.cutpoint.drive.MatrixReports;
import dev.cutpoint.drive.MatrixResult;
import dev.cutpoint.drive.MatrixSettings;
import dev.cutpoint.drive.Mutant;
import dev.cutpoint.drive.Target;
import dev.cutpoint.drive.TargetResult;
import dev.cutpoint.drive.Targets;
import dev.cutpoint.drive.breezy.BreezyUnavailable;
import dev.cutpoint.report.FailurePrinter;
import dev.cutpoint.report.MatrixReport;
import dev.cutpoint.report.SkippedTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The fault matrix as Maven runs it (SPEC §2, §6, §9): {@code mvn verify} with the small budget of
 * the parent pom, {@code mvn verify -Pfault-matrix} with the full one. Settings come from the
 * {@code cutpoint.*} system properties; the report goes to {@code reports/target/fault-matrix/}
 * under the repository root, written before anything is asserted, so that it is there when the
 * build fails; each violation is printed with its invariant, the case in three lines and the
 * command that replays it. The run fails on any violated invariant that no reviewed finding covers,
 * on any applicable cell left uncovered, and on any case the harness could not run.
 */
class FaultMatrixIT {

  private final PrintStream out = System.out;

  @Test
  void everyInvariantHoldsInEveryApplicableCell() throws IOException {
    int tries = RunSettings.tries();
    Optional<Long> givenSeed = RunSettings.seed();
    long seed = givenSeed.orElseGet(() -> new SecureRandom().nextLong());
    Optional<String> toxiproxy = RunSettings.toxiproxy();
    Optional<Path> baseline = RunSettings.baseline();
    List<String> run = new ArrayList<>();
    List<SkippedTarget> skipped = new ArrayList<>();
    for (String name : RunSettings.targets()) {
      Optional<String> missing = missingParts(name, toxiproxy);
      if (missing.isEmpty()) {
        run.add(name);
      } else if (RunSettings.allTargets()) {
        skipped.add(new SkippedTarget(name, missing.get()));
      } else {
        throw new AssertionError(RunSettings.TARGETS + " names " + name + ", which cannot run here: " + missing.get());
      }
    }
    MatrixSettings settings = new MatrixSettings(run, tries, seed, toxiproxy, Mutant.NONE,
        RunSettings.root().resolve(MatrixSettings.DEFAULT_OUT), baseline, true, MatrixSettings.defaultWorkers());
    out.println("fault matrix: targets " + String.join(", ", run) + ", " + tries + " case(s) per cell, seed " + seed
        + (givenSeed.isPresent() ? "" : " (random; re-run it with -D" + RunSettings.SEED + "=" + seed + ")")
        + ", " + settings.workers() + " worker(s)");
    skipped.forEach(s -> out.println("skipped target " + s.target() + ": " + s.reason()));

    ProgressLines progress = new ProgressLines(out);
    MatrixResult result = FaultMatrix.run(settings, progress);
    progress.finish();
    MatrixReports.Written written = MatrixReports.write(result, skipped);
    MatrixReport report = MatrixReports.toReport(result, skipped);

    int printed = FailurePrinter.printNew(out, report);
    List<String> uncovered = uncovered(result);
    uncovered.forEach(cell -> out.println("uncovered cell " + cell));
    out.println("report: " + written.report().html() + " (matrix.json, summary.md, " + written.caseFiles()
        + " case files in " + written.casesDirectory() + ")");
    out.println(String.format(Locale.ROOT, "rate: %.1f cases/s while running cases; %d cases in %.1f s in all",
        result.caseRate(), result.cases(), result.elapsed().toMillis() / 1000.0));
    out.println(result.summaryLine());

    String where = " (seed " + seed + "; report " + written.report().html() + ")";
    // a violation a reviewed finding covers (real Breezy's, expected-findings.json) is expected
    assertThat(result.newViolations()).as("new violated invariants, printed above: %d%s", printed, where).isZero();
    assertThat(uncovered).as("applicable cells without %d tested case(s)%s", tries, where).isEmpty();
    assertThat(result.harnessErrors()).as("cases the harness could not run%s", where).isZero();
  }

  /**
   * Why a target cannot run on this machine, if it cannot: the java target needs nothing; the
   * others start once, and a missing Breezy skips them.
   */
  private static Optional<String> missingParts(String name, Optional<String> toxiproxy) throws IOException {
    if (name.equals(JavaTarget.NAME)) {
      return Optional.empty();
    }
    try (Target probe = Targets.start(name, MatrixSettings.of(0).withToxiproxy(toxiproxy).targetSettings())) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof BreezyUnavailable unavailable) {
          return Optional.of(unavailable.getMessage());
        }
      }
      throw e;
    }
  }

  /** Applicable cells with fewer than {@code tries} cases whose fault fired, as {@code target read-WRITE-CLOSE}. */
  private static List<String> uncovered(MatrixResult result) {
    List<String> uncovered = new ArrayList<>();
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
