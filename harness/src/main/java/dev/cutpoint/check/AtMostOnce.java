package dev.cutpoint.check;

import dev.cutpoint.verbs.VerbClass;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * I2. Evidence: the number of executions of a semivfs, mutate or stream request in each
 * explanation — journal entries, or the unique payload's occurrences in the final state. An extra
 * execution already blamed on an incomplete message is I1's, not counted again here.
 */
final class AtMostOnce implements InvariantCheck {

  static final Set<VerbClass> ONCE = EnumSet.of(VerbClass.SEMIVFS, VerbClass.MUTATE, VerbClass.STREAM);

  @Override
  public Invariant invariant() {
    return Invariant.I2;
  }

  @Override
  public void check(CaseFacts facts, Findings findings) {
    facts.deliveries.forEach(
        (index, delivery) -> {
          if (!ONCE.contains(facts.requests.get(index).verbClass())) {
            return;
          }
          findings.judge(
              Invariant.I2,
              index,
              facts.explanations,
              explanation -> {
                int ran = explanation.count(index);
                boolean partialExecution = ran > delivery.legitimate() && !delivery.undelivered().isEmpty();
                if (ran < 2 || partialExecution) {
                  return Optional.empty();
                }
                return Optional.of(
                    facts.describe(index) + " ran " + ran + " times in one call (" + explanation.sources(index) + ")"
                        + facts.observedFor(index));
              });
        });
  }
}
