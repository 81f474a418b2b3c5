package dev.cutpoint.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The oracle's judgement of a case: passed, or the invariants it broke. */
@JsonIgnoreProperties(value = "passed", allowGetters = true)
public record Verdict(List<Violation> violations) {
  public static final Verdict PASSED = new Verdict(List.of());

  public Verdict {
    violations = Checks.list("violations", violations);
  }

  public static Verdict violated(Violation... violations) {
    return new Verdict(List.of(violations));
  }

  /** Written to the JSON for readers (and {@code jq}); ignored when read, as it follows from the violations. */
  @JsonProperty("passed")
  public boolean passed() {
    return violations.isEmpty();
  }
}
