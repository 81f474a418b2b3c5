package dev.cutpoint.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** What the checks of one case found, collected while the oracle runs. */
final class Findings {

  final List<Violation> violations = new ArrayList<>();
  final List<Undecided> undecided = new ArrayList<>();
  final List<String> harnessDefects = new ArrayList<>();

  void violation(Invariant invariant, int requestIndex, String evidence) {
    violations.add(new Violation(invariant, requestIndex, evidence));
  }

  void undecided(Invariant invariant, int requestIndex, String reason) {
    undecided.add(new Undecided(invariant, requestIndex, reason));
  }

  void defect(String what) {
    harnessDefects.add(what);
  }

  /**
   * Judges a claim about a request over every explanation of the case: violated when every
   * explanation violates it, undecided when only some do, kept when none does.
   */
  void judge(
      Invariant invariant,
      int requestIndex,
      List<Explanation> explanations,
      Function<Explanation, Optional<String>> violationIn) {
    List<String> evidence = new ArrayList<>();
    for (Explanation explanation : explanations) {
      violationIn.apply(explanation).ifPresent(evidence::add);
    }
    if (evidence.isEmpty()) {
      return;
    }
    if (evidence.size() == explanations.size()) {
      violation(invariant, requestIndex, evidence.get(0));
    } else {
      undecided(
          invariant,
          requestIndex,
          "the final state is explained both by runs that keep this invariant and by runs that break it, e.g. "
              + evidence.get(0));
    }
  }
}
