package dev.cutpoint.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A violation as the console shows it (the Maven run prints these before it fails the build): the
 * invariant, the evidence, the case in three lines, and the command that replays it.
 */
public final class FailurePrinter {
  private FailurePrinter() {}

  /**
   * The block for one violation of one case, as the driver sees it during a run; its first line ends
   * with {@code — reproduced k/K} when the case was replayed.
   */
  public static String describe(CaseRecord caseRecord, Violation violation) {
    List<String> lines = new ArrayList<>();
    lines.add("VIOLATION " + violation.invariant() + " " + violation.invariant().title() + " — case "
        + caseRecord.id() + " (" + caseRecord.target() + " · " + caseRecord.cell().label()
        + ", seed " + caseRecord.seed() + ")"
        + violation.confirmation().map(c -> " — " + c.describe()).orElse(""));
    lines.add("  " + Timeline.violation(violation));
    Counterexample.summary(caseRecord).forEach(line -> lines.add("  " + line));
    lines.add("  replay:   " + caseRecord.replay().command());
    return String.join(System.lineSeparator(), lines) + System.lineSeparator();
  }

  /** The block for a finding of a report; an expected one says which expectation covers it. */
  public static String describe(Finding finding) {
    String block = describe(finding.caseRecord(), finding.violation());
    return finding.expectedBy()
        .map(e -> "EXPECTED VIOLATION (" + e.id() + ")" + block.substring("VIOLATION".length()))
        .orElse(block);
  }

  /**
   * Prints every new finding of the report, then one line counting the expected ones.
   *
   * @return the number of new findings printed: what should fail the build
   */
  public static int printNew(PrintStream out, MatrixReport report) {
    List<Finding> findings = report.findings();
    int fresh = 0;
    for (Finding finding : findings) {
      if (finding.isNew()) {
        out.print(describe(finding));
        fresh++;
      }
    }
    long expected = ViolationCount.of(findings).expected();
    if (expected > 0) {
      out.println(expected + (expected == 1 ? " violating case" : " violating cases")
          + " that reviewed expectations cover not shown; see summary.md");
    }
    out.flush();
    return fresh;
  }
}
