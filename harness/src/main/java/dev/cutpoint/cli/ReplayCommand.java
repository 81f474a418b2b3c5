package dev.cutpoint.cli;

import dev.cutpoint.check.Violation;
import dev.cutpoint.drive.CaseFile;
import dev.cutpoint.drive.CaseFileException;
import dev.cutpoint.drive.MatrixReports;
import dev.cutpoint.report.ReportWriter;
import dev.cutpoint.drive.Replay;
import dev.cutpoint.drive.breezy.BreezyInstallation;
import dev.cutpoint.history.Call;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cutpoint replay CASE.json}: runs one recorded case again, exactly (the concrete offsets
 * from the file), and prints its verdict. Exit 0 when it passes, 1 when it violates an invariant,
 * 2 for a bad argument or an unreadable file, 3 when the harness itself failed.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Re-run one recorded case (a case file from a report) exactly, and print its verdict.",
      "Exit code: 0 passed, 1 an invariant was violated (the full list below)."
    })
public final class ReplayCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CASE.json",
      description = "A case file written by `matrix` (cases/<id>.json), or a matrix.json with --case.")
  Path caseFile;

  @Option(names = "--case", paramLabel = "ID", description = "The case to replay when the file is a matrix.json.")
  String caseId;

  @Option(names = "--toxiproxy", paramLabel = "P",
      description = "embedded, an http://host:port URL, or a toxiproxy-server binary (default: cutpoint.toxiproxy, TOXIPROXY_URL, else embedded).")
  String toxiproxy;

  @Mixin BreezyOption breezy;

  /**
   * The case file to read: the argument itself, or for a {@code matrix.json} the file of the case
   * named by {@code --case}, which the report keeps beside it under {@code cases/}.
   */
  private Path resolve() {
    boolean matrix = caseFile.getFileName() != null
        && caseFile.getFileName().toString().equals(ReportWriter.MATRIX_JSON);
    if (!matrix) {
      if (caseId != null) {
        throw new IllegalArgumentException("--case applies to a matrix.json, not to " + caseFile);
      }
      return caseFile;
    }
    if (caseId == null) {
      throw new IllegalArgumentException(caseFile + " is a report: name the case with --case ID");
    }
    Path dir = caseFile.toAbsolutePath().getParent();
    Path file = dir.resolve(MatrixReports.CASES).resolve(caseId + ".json");
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--case " + caseId + ": no such case beside " + caseFile + " (no "
          + MatrixReports.CASES + "/" + caseId + ".json)");
    }
    return file;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CaseFile file;
    try {
      file = CaseFile.read(resolve());
      CommandSupport.requireToxiproxy(Optional.ofNullable(toxiproxy));
    } catch (CaseFileException | IllegalArgumentException e) {
      err.println("cutpoint: replay: " + e.getMessage());
      return CommandSupport.BAD_ARGUMENTS;
    }
    Replay.Result result;
    try {
      BreezyInstallation chosen = breezy.installation();
      result = Replay.run(file, Optional.ofNullable(toxiproxy), chosen);
    } catch (IllegalArgumentException e) {
      err.println("cutpoint: replay: " + e.getMessage());
      return CommandSupport.BAD_ARGUMENTS;
    } catch (IOException | RuntimeException e) {
      err.println("cutpoint: replay: the harness failed: " + e.getMessage());
      return CommandSupport.HARNESS_FAILED;
    }
    var record = result.replayed().record();
    out.println("case " + file.id() + " (" + record.scenario().target() + ", client " + record.scenario().client()
        + ", mutant " + file.mutant() + (file.persistent() ? ", persistent fault" : "") + ")");
    record.scenario().fault().ifPresent(f -> out.println("fault: " + f.kind() + " at " + f.phase() + " offset " + f.offset()
        + " of request " + f.requestIndex() + " (" + f.delivery() + ")"));
    out.println("injection: " + (record.injection().fired() ? "fired" : "did not fire") + " - " + record.injection().evidence());
    for (Call call : record.calls()) {
      var request = record.request(call);
      out.println("request " + call.requestIndex() + " " + request.verb() + " " + request.args() + " [" + request.verbClass().breezyName()
          + "]: " + call.outcome().kind() + " after " + call.attempts().size() + " attempt(s)"
          + call.outcome().error().map(e -> " - " + e.type() + ": " + e.message()).orElse(""));
    }
    var verdict = result.replayed().verdict();
    verdict.harnessDefects().forEach(d -> out.println("harness defect: " + d));
    for (Violation v : verdict.violations()) {
      out.println("VIOLATION " + v.invariant() + " request " + v.requestIndex() + ": " + v.evidence());
    }
    out.println("verdict: " + (verdict.passed() ? "passed" : "violated " + verdict.violations().size() + " invariant(s)")
        + (result.sameVerdict() ? " (as recorded)" : " (recorded: " + (file.violations().isEmpty() ? "passed" : file.violations().size() + " violation(s)") + ")"));
    out.flush();
    return verdict.passed() ? CommandSupport.PASSED : CommandSupport.VIOLATIONS;
  }
}
