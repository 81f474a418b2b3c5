package dev.cutpoint.drive.enumeration;

import dev.cutpoint.drive.CaseFile;
import dev.cutpoint.drive.CaseResult;
import dev.cutpoint.drive.MatrixReports;
import dev.cutpoint.drive.MatrixResult;
import dev.cutpoint.drive.MatrixSettings;
import dev.cutpoint.drive.Requests;
import dev.cutpoint.drive.TargetResult;
import dev.cutpoint.history.BodyKind;
import dev.cutpoint.history.FaultPlan;
import dev.cutpoint.history.Request;
import dev.cutpoint.report.CutPointMap;
import dev.cutpoint.report.CutPointReportWriter;
import dev.cutpoint.report.MatrixReport;
import dev.cutpoint.wire.ByteString;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An enumeration as the report sees it: its cases as a matrix run's (one cell per verb class ×
 * phase × kind, one try per cell; {@code matrix.json}, the heat map, the case files, {@code
 * replay}), and the cut points on the workload's strips ({@code cutpoints.json}).
 */
public final class EnumerationReports {

  private EnumerationReports() {}

  /** What was written. */
  public record Written(CutPointReportWriter.Written report, Path casesDirectory, int caseFiles) {}

  /** The run as a matrix run of one target with one try per cell. */
  public static MatrixResult asMatrix(EnumerationResult result) {
    EnumerationSettings s = result.settings();
    MatrixSettings settings = new MatrixSettings(List.of(result.target()), 1, s.seed(), s.toxiproxy(), s.mutant(),
        s.out(), Optional.empty(), false, Optional.of(s.workers()), 0, s.serverCommand(), s.clientCommand(),
        s.breezy(), s.shard());
    TargetResult target = new TargetResult(result.target(), result.toxiproxy(), result.toxiproxyVersion(),
        result.cells(), result.cases(), result.errors(), 1, result.casesTime(), s.workers());
    return new MatrixResult(settings, List.of(target), result.startedAt(), result.elapsed(), List.of(),
        result.expected());
  }

  public static MatrixReport toReport(EnumerationResult result) {
    return MatrixReports.toReport(asMatrix(result));
  }

  /** The cut points on the workload's strips. */
  public static CutPointMap cutPoints(EnumerationResult result) {
    List<CutPointMap.Strip> strips = new ArrayList<>();
    for (Request request : result.requests()) {
      int i = request.index();
      String verb = request.verb();
      String verbClass = request.verbClass().breezyName();
      if (i > 0) {
        strips.add(new CutPointMap.Strip(CutPointMap.Side.GAP, i, verb, verbClass, 0, List.of()));
      }
      strips.add(new CutPointMap.Strip(CutPointMap.Side.REQUEST, i, verb, verbClass, request.encodedLength(),
          bodies(request)));
      strips.add(new CutPointMap.Strip(CutPointMap.Side.RESPONSE, i, verb, verbClass, result.responseLengths().get(i),
          List.of()));
    }
    List<CutPointMap.Mark> marks = new ArrayList<>();
    for (CaseResult c : result.cases()) {
      FaultPlan plan = c.record().scenario().fault().orElseThrow();
      CutPoint point = new CutPoint(plan);
      marks.add(new CutPointMap.Mark(stripId(point.side(), plan.requestIndex()), plan.offset(), plan.phase().name(),
          plan.kind().name(), point.side() == Side.GAP ? Optional.of(plan.delivery().name()) : Optional.empty(),
          c.id()));
    }
    List<CutPointMap.SkippedRange> skipped = new ArrayList<>();
    for (SkippedCutPoints s : result.plan().skipped()) {
      skipped.add(new CutPointMap.SkippedRange(stripId(s.side(), s.requestIndex()), s.phase().name(), s.kind().name(),
          s.from(), s.to(), s.count(), CutPointMap.Cause.valueOf(s.cause().name()), s.reason()));
    }
    List<CutPointMap.OmittedRequest> omitted = result.omitted().stream()
        .map(o -> new CutPointMap.OmittedRequest(o.workloadIndex(), o.verb(), o.verbClass(), o.reason())).toList();
    return new CutPointMap(CutPointMap.SCHEMA, result.target(), result.settings().stride(),
        result.settings().maxCases(), strips, marks, skipped, omitted);
  }

  private static String stripId(Side side, int requestIndex) {
    return side.name().toLowerCase(java.util.Locale.ROOT) + "-" + requestIndex;
  }

  /** A request's body parts as byte ranges of its message: its last parts, before the terminal e. */
  private static List<CutPointMap.Range> bodies(Request request) {
    if (request.body().kind() == BodyKind.NONE) {
      return List.of();
    }
    List<ByteString> chunks = Requests.chunks(request.body());
    List<CutPointMap.Range> ranges = new ArrayList<>();
    long end = request.encodedLength() - 1;
    for (int c = chunks.size() - 1; c >= 0; c--) {
      long start = end - chunks.get(c).length();
      ranges.add(0, new CutPointMap.Range(start, end));
      end = start - 5;
    }
    return ranges;
  }

  /** Writes the case files, then matrix.json, cutpoints.json, summary.md and index.html. */
  public static Written write(EnumerationResult result) throws IOException {
    return write(result, Optional.empty());
  }

  /**
   * The report of a run that did not finish: the cut points that did, the report marked with
   * {@code ending} ({@code interrupted after 145 of 3000 cut points}).
   */
  public static Written writeEnded(EnumerationResult result, String ending) throws IOException {
    return write(result, Optional.of(ending));
  }

  private static Written write(EnumerationResult result, Optional<String> ending) throws IOException {
    Path out = result.settings().out();
    Path cases = out.resolve(MatrixReports.CASES);
    CaseFile.writeAll(result.cases(), result.settings().mutant(), cases);
    MatrixReport report = toReport(result);
    CutPointReportWriter.Written written =
        CutPointReportWriter.write(ending.map(report::endedEarly).orElse(report), cutPoints(result), out);
    return new Written(written, cases, result.cases().size());
  }
}
