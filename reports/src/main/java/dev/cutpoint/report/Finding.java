package dev.cutpoint.report;

import java.util.Optional;

/**
 * A violation found in a case, and the reviewed expectation that covers it, if any: a finding with
 * no expectation is new.
 */
public record Finding(CaseRecord caseRecord, Violation violation, Optional<Expectation> expectedBy) {
  public Finding {
    Checks.present("caseRecord", caseRecord);
    Checks.present("violation", violation);
    expectedBy = Checks.optional(expectedBy);
  }

  public boolean isNew() {
    return expectedBy.isEmpty();
  }

  public CellKey cell() {
    return caseRecord.cell();
  }
}
