package dev.cutpoint.drive;

import dev.cutpoint.check.CallVerdict;
import dev.cutpoint.check.OutcomeClass;
import dev.cutpoint.drive.breezy.BreezyModule;
import dev.cutpoint.drive.breezy.BreezyTargets;
import dev.cutpoint.fault.Applicability;
import dev.cutpoint.history.Attempt;
import dev.cutpoint.history.Call;
import dev.cutpoint.history.CaseRecord;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.FaultPlan;
import dev.cutpoint.history.Phase;
import dev.cutpoint.history.Reply;
import dev.cutpoint.history.ReplyStatus;
import dev.cutpoint.history.Request;
import dev.cutpoint.report.AttemptRecord;
import dev.cutpoint.report.Axes;
import dev.cutpoint.report.CallRecord;
import dev.cutpoint.report.CellKey;
import dev.cutpoint.report.FaultRecord;
import dev.cutpoint.report.InvariantId;
import dev.cutpoint.report.MatrixReport;
import dev.cutpoint.report.Outcome;
import dev.cutpoint.report.ProxyProvider;
import dev.cutpoint.report.Replay;
import dev.cutpoint.report.ReportWriter;
import dev.cutpoint.report.RequestRecord;
import dev.cutpoint.report.RetryDecision;
import dev.cutpoint.report.Run;
import dev.cutpoint.report.SkippedTarget;
import dev.cutpoint.report.Verdict;
import dev.cutpoint.report.Versions;
import dev.cutpoint.report.Violation;
import dev.cutpoint.verbs.VerbClass;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A matrix run as the report sees it (SPEC §9): the run's metadata, every cell with its cases
 * counted by outcome or its reason for being not applicable, every case with its requests, fault,
 * attempts, outcome, verdict and the command that replays it; written by {@link ReportWriter} as
 * {@code matrix.json}, {@code summary.md} and {@code index.html}, with one case file per case under
 * {@code cases/} for {@code replay}.
 */
public final class MatrixReports {

  /** The folder of case files inside the report's directory. */
  public static final String CASES = "cases";
  /** The version the reports and case files name. */
  public static final String CUTPOINT_VERSION = "0.1.0";

  private MatrixReports() {}

  /** What was written, and where. */
  public record Written(ReportWriter.Written report, Path casesDirectory, int caseFiles) {}

  /**
   * Writes the report of {@code result} into its settings' out directory: case files first (the
   * report links to them), then matrix.json, summary.md and index.html, compared with the baseline
   * when the settings name one.
   */
  public static Written write(MatrixResult result) throws IOException {
    return write(result, List.of());
  }

  /** The same, naming the targets that were asked for but not run (their parts are not installed). */
  public static Written write(MatrixResult result, List<SkippedTarget> skipped) throws IOException {
    return write(result, skipped, Optional.empty());
  }

  /**
   * The report of a run that did not finish: the cases that did, the report marked with {@code
   * ending} ({@code interrupted after 145 of 252 cases}).
   */
  public static Written writeEnded(MatrixResult result, String ending) throws IOException {
    return write(result, List.of(), Optional.of(ending));
  }

  private static Written write(MatrixResult result, List<SkippedTarget> skipped, Optional<String> ending)
      throws IOException {
    Path out = result.settings().out();
    Path cases = out.resolve(CASES);
    List<CaseResult> all = result.targets().stream().flatMap(t -> t.cases().stream()).toList();
    CaseFile.writeAll(all, result.settings().mutant(), cases);
    int files = all.size();
    MatrixReport report = toReport(result, skipped);
    if (ending.isPresent()) {
      report = report.endedEarly(ending.get());
    }
    ReportWriter.Written written = ReportWriter.write(report, out, result.settings().baseline());
    return new Written(written, cases, files);
  }

  /** The report model of a run. */
  public static MatrixReport toReport(MatrixResult result) {
    return toReport(result, List.of());
  }

  /**
   * The report model of a run that also skipped {@code skipped} (targets left out before the run,
   * besides those the run itself found it could not start).
   */
  public static MatrixReport toReport(MatrixResult result, List<SkippedTarget> skipped) {
    List<SkippedTarget> allSkipped = new ArrayList<>(result.skipped());
    skipped.stream()
        .filter(s -> allSkipped.stream().noneMatch(known -> known.target().equals(s.target())))
        .forEach(allSkipped::add);
    Map<CellKey, String> notApplicable = new LinkedHashMap<>();
    Set<CellKey> embeddedOnly = new HashSet<>();
    List<dev.cutpoint.report.CaseRecord> cases = new ArrayList<>();
    for (TargetResult target : result.targets()) {
      notApplicable.putAll(notApplicable(target.target(), target.cells()));
      target.cells().forEach((cell, applicability) -> {
        if (applicability.embeddedOnly()) {
          embeddedOnly.add(key(target.target(), cell));
        }
      });
      for (CaseResult caseResult : target.cases()) {
        cases.add(caseRecord(caseResult, caseFile(result.settings().out(), caseResult.id()),
            result.settings().breezy().breezyPath().map(Path::toString)));
      }
    }
    ProxyProvider proxy = result.targets().isEmpty()
        ? new ProxyProvider("none: no target ran", "none")
        : new ProxyProvider(result.targets().get(0).toxiproxy(), result.targets().get(0).toxiproxyVersion());
    Run run = new Run(
        result.settings().seed(),
        result.settings().tries(),
        result.targets().stream().map(TargetResult::target).toList(),
        allSkipped,
        proxy,
        versions(result, allSkipped),
        result.startedAt(),
        result.elapsed(),
        workers(result),
        Optional.of(result.settings().mutant().label()),
        Optional.empty(),
        result.settings().shard().isWhole() ? Optional.empty() : Optional.of(result.settings().shard().toString()));
    return MatrixReport.tally(
        run, axes(), notApplicable, embeddedOnly, cases, result.expected().expectations());
  }

  /** How many cases ran at once on each target. */
  private static Map<String, Integer> workers(MatrixResult result) {
    Map<String, Integer> workers = new LinkedHashMap<>();
    result.targets().forEach(t -> workers.put(t.target(), t.workers()));
    return workers;
  }

  /** The JVM's, cutpoint's, and Breezy's version and package where a Breezy target ran or was looked for. */
  private static Versions versions(MatrixResult result, List<SkippedTarget> skipped) {
    boolean looked = result.settings().targets().stream().anyMatch(BreezyTargets.NAMES::contains)
        || skipped.stream().anyMatch(s -> BreezyTargets.NAMES.contains(s.target()));
    Optional<BreezyModule> breezy = looked ? BreezyTargets.module(result.settings().breezy()) : Optional.empty();
    return new Versions(System.getProperty("java.version"), CUTPOINT_VERSION,
        breezy.map(BreezyModule::version), breezy.map(m -> m.location().toString()));
  }

  /** Rows are verb classes (Breezy's names), columns phase × kind. */
  static Axes axes() {
    return new Axes(
        Arrays.stream(VerbClass.values()).map(VerbClass::breezyName).toList(),
        Arrays.stream(Phase.values()).map(Phase::name).toList(),
        Arrays.stream(FaultKind.values()).map(FaultKind::name).toList());
  }

  static CellKey key(String target, MatrixCell cell) {
    return new CellKey(target, cell.verbClass().breezyName(), cell.phase().name(), cell.kind().name());
  }

  /** Where a case's file lies, as the replay command names it. */
  static String caseFile(Path out, String id) {
    Path file = out.resolve(CASES).resolve(id + ".json");
    Path cwd = Path.of("").toAbsolutePath();
    Path absolute = file.toAbsolutePath().normalize();
    return (absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute).toString();
  }

  /** One case as the report shows it. */
  public static dev.cutpoint.report.CaseRecord caseRecord(CaseResult result, String caseFile) {
    return caseRecord(result, caseFile, Optional.empty());
  }

  /**
   * One case as the report shows it, from a run whose Breezy was the one in {@code breezyPath}
   * ({@code --breezy PATH}), which its replay command names too.
   */
  public static dev.cutpoint.report.CaseRecord caseRecord(
      CaseResult result, String caseFile, Optional<String> breezyPath) {
    CaseRecord record = result.record();
    FaultPlan plan = record.scenario().fault().orElseThrow(
        () -> new IllegalArgumentException("case " + result.id() + " has no fault: it has no cell"));
    List<RequestRecord> requests = record.scenario().requests().stream().map(MatrixReports::request).toList();
    Request faulted = record.scenario().requests().get(plan.requestIndex());
    Optional<Long> outOf = switch (plan.phase()) {
      case WRITE, FLUSH -> Optional.of(faulted.encodedLength());
      case READ, BETWEEN -> Optional.empty();
    };
    FaultRecord fault = new FaultRecord(
        plan.requestIndex(), plan.phase().name(), plan.offset(), outOf, plan.kind().name(), result.persistent());
    List<CallRecord> calls = new ArrayList<>();
    for (Call call : record.calls()) {
      calls.add(new CallRecord(call.requestIndex(), call.attempts().stream().map(MatrixReports::attempt).toList(),
          outcome(result, call.requestIndex())));
    }
    Verdict verdict = new Verdict(result.verdict().violations().stream()
        .map(v -> new Violation(InvariantId.valueOf(v.invariant().name()), Optional.of(v.requestIndex()), v.evidence(),
            result.confirmation().map(c -> new dev.cutpoint.report.Confirmation(c.of(v.invariant()), c.replays()))))
        .toList());
    return new dev.cutpoint.report.CaseRecord(
        result.id(), record.scenario().seed(), record.scenario().target(), requests, fault, calls,
        caseOutcome(result, plan.requestIndex()), verdict, Replay.of(caseFile, breezyPath),
        Optional.of(result.duration().toMillis()));
  }

  private static RequestRecord request(Request request) {
    return new RequestRecord(
        request.index(), request.verb(), request.verbClass().breezyName(), request.args(), request.body().size());
  }

  private static AttemptRecord attempt(Attempt attempt) {
    long connection;
    try {
      connection = Long.parseLong(attempt.connectionId());
    } catch (NumberFormatException e) {
      connection = 0;
    }
    return new AttemptRecord(
        attempt.number(),
        connection,
        attempt.bytesWritten(),
        attempt.writeCompleted(),
        attempt.failure().map(f -> f.site().name().toLowerCase()),
        attempt.failure().map(f -> f.error().type() + ": " + f.error().message()),
        attempt.decision().map(d -> new RetryDecision(d.resend(), d.reason())),
        attempt.reply().map(MatrixReports::reply));
  }

  /** {@code oS(ok, 2) + 24 B body}, as the report prints a response. */
  static String reply(Reply reply) {
    return (reply.status() == ReplyStatus.SUCCESS ? "oS" : "oE") + "(" + String.join(", ", reply.args()) + ")"
        + reply.body().map(d -> " + " + d.length() + " B body").orElse("");
  }

  private static Outcome outcome(CaseResult result, int requestIndex) {
    return result.verdict().calls().stream()
        .filter(c -> c.requestIndex() == requestIndex)
        .map(CallVerdict::outcome)
        .findFirst()
        .map(MatrixReports::outcome)
        .orElse(Outcome.UNDECIDED);
  }

  private static Outcome outcome(OutcomeClass outcome) {
    return switch (outcome) {
      case FIRST_TRY -> Outcome.FIRST_TRY;
      case AFTER_RESEND -> Outcome.AFTER_RESEND;
      case FAILED_LOUDLY -> Outcome.FAILED_LOUDLY;
      case VIOLATION -> Outcome.VIOLATION;
    };
  }

  /**
   * How the case counts in its cell: a violation if any invariant broke; undecided if the harness
   * doubts its own run (a fault that never fired); otherwise how the faulted call ended.
   */
  static Outcome caseOutcome(CaseResult result, int faultedIndex) {
    if (result.violated()) {
      return Outcome.VIOLATION;
    }
    if (!result.tested()) {
      return Outcome.UNDECIDED;
    }
    Outcome faulted = outcome(result, faultedIndex);
    return faulted == Outcome.VIOLATION ? Outcome.UNDECIDED : faulted;
  }

  /** The applicability of each cell of a target, as the report's not-applicable reasons. */
  static Map<CellKey, String> notApplicable(String target, Map<MatrixCell, Applicability> cells) {
    Map<CellKey, String> reasons = new LinkedHashMap<>();
    cells.forEach((cell, applicability) -> {
      if (!applicability.applicable()) {
        reasons.put(key(target, cell), applicability.reason());
      }
    });
    return reasons;
  }
}
