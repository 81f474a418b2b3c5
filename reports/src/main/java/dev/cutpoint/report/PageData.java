package dev.cutpoint.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the page's script gets: every case, already told as text (so the page and the Markdown tell
 * a case the same way), keyed by cell. The page renders a cell's cases only when asked, so tens of
 * thousands of cases cost one JSON block, not tens of thousands of elements.
 */
record PageData(String schema, List<PageCase> cases) {

  record PageCase(
      String id,
      // a string: JavaScript's numbers hold 53 bits, so a 64-bit seed as a number would be rounded
      String seed,
      String cell,
      Outcome outcome,
      boolean onlyExpected,
      String requests,
      String fault,
      List<List<String>> steps,
      List<PageViolation> violations,
      String replay,
      String caseFile) {}

  record PageViolation(
      String invariant, String title, String text, Optional<String> expectedBy, Optional<String> reproduced) {}

  static PageData of(MatrixReport report, List<Finding> findings) {
    Map<String, List<Finding>> byCase = new HashMap<>();
    findings.forEach(f -> byCase.computeIfAbsent(f.caseRecord().id(), id -> new ArrayList<>()).add(f));
    List<PageCase> cases = new ArrayList<>(report.cases().size());
    for (CaseRecord c : report.cases()) {
      List<List<String>> steps = Timeline.of(c).stream()
          .map(step -> List.of(step.kind().tag(), step.text()))
          .toList();
      List<Finding> found = byCase.getOrDefault(c.id(), List.of());
      List<PageViolation> violations = found.stream()
          .map(f -> new PageViolation(f.violation().invariant().name(), f.violation().invariant().title(),
              Timeline.violation(f.violation()), f.expectedBy().map(Expectation::id),
              f.violation().confirmation().map(Confirmation::describe)))
          .toList();
      cases.add(new PageCase(c.id(), Long.toString(c.seed()), c.cell().id(), c.outcome(),
          !found.isEmpty() && found.stream().noneMatch(Finding::isNew),
          Text.requests(c.requests(), 4), Timeline.fault(c.fault()), steps, violations,
          c.replay().command(), c.replay().caseFile()));
    }
    return new PageData(MatrixReport.SCHEMA, cases);
  }
}
