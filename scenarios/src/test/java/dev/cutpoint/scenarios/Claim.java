package dev.cutpoint.scenarios;

import dev.cutpoint.check.Invariant;
import dev.cutpoint.check.Violation;
import dev.cutpoint.drive.CaseFile;
import dev.cutpoint.drive.CaseResult;
import dev.cutpoint.drive.Mutant;
import dev.cutpoint.history.Call;
import dev.cutpoint.history.Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a property asserts of one judged case: that its fault fired (a case whose fault never fired
 * tests nothing), that the harness saw no defect of its own, and that the oracle found no violation
 * of the invariants the property claims; plus any direct evidence the property wants to see in the
 * record. A failure writes the case file and says how to replay it.
 */
final class Claim {

  /** Where failing tries leave their case files, under the repository root. */
  static final Path CASES = Path.of("scenarios", "target", "cutpoint-cases");

  private Claim() {}

  /** The fault fired, the harness is sound, and none of {@code claimed} is violated. */
  static void holds(CaseResult result, Invariant... claimed) {
    require(result, result.record().injection().fired(),
        "the planned fault never fired (" + result.record().injection().evidence() + "): the case tests nothing");
    require(result, result.verdict().harnessDefects().isEmpty(),
        "the harness doubts its own run: " + result.verdict().harnessDefects());
    Set<Invariant> invariants = Set.of(claimed);
    List<Violation> broken =
        result.verdict().violations().stream().filter(v -> invariants.contains(v.invariant())).toList();
    require(result, broken.isEmpty(), broken.stream()
        .map(v -> v.invariant() + " violated by request " + v.requestIndex() + ": " + v.evidence())
        .collect(Collectors.joining("; ")));
  }

  /** A direct check on the record; {@code what} says what was seen when it fails. */
  static void require(CaseResult result, boolean condition, String what) {
    if (!condition) {
      throw new AssertionError(what + System.lineSeparator() + describe(result, write(result)));
    }
  }

  /** The call the fault was aimed at. */
  static Call faultedCall(CaseResult result) {
    int index = result.record().scenario().fault().orElseThrow().requestIndex();
    return result.record().calls().get(index);
  }

  /** Every call of the case, the probe included. */
  static List<Call> everyCall(CaseResult result) {
    List<Call> calls = new java.util.ArrayList<>(result.record().calls());
    calls.add(result.record().probe().call());
    return calls;
  }

  private static Path write(CaseResult result) {
    Path relative = CASES.resolve(result.id() + ".json");
    try {
      CaseFile.of(result, Mutant.NONE).write(RunSettings.system().root().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the case file of " + result.id(), e);
    }
    return relative;
  }

  private static String describe(CaseResult result, Path caseFile) {
    long seed = result.record().scenario().seed();
    String requests = result.record().scenario().requests().stream()
        .map(Claim::describe)
        .collect(Collectors.joining(", "));
    String n = System.lineSeparator() + "  ";
    return "  case " + result.id() + " (" + result.cell().id() + (result.persistent() ? ", persistent" : "")
        + "), seed " + seed + ": re-run with -D" + RunSettings.SEED + "=" + seed
        + n + "requests: " + requests
        + n + "fault:    " + result.record().scenario().fault().map(Object::toString).orElse("none")
        + " — " + result.record().injection().evidence()
        + n + "case file: " + caseFile
        + n + "replay:   ./cutpoint replay " + caseFile;
  }

  private static String describe(Request request) {
    return request.index() + " " + request.verb() + String.join("", request.args().stream().map(a -> " " + a).toList())
        + " [" + request.verbClass().breezyName() + ", " + request.encodedLength() + " B]";
  }
}
