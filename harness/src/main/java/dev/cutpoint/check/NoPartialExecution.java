package dev.cutpoint.check;

/**
 * I1. Evidence: a journal entry whose bytes are no complete request, or a file holding a piece of
 * a payload shorter than the payload (both found while gathering facts), and here: a call that ran
 * more often than its attempts can have delivered the whole request, when one of them certainly
 * did not (a WRITE cut, FLUSH at n−1, a BETWEEN close, a write that stopped short).
 */
final class NoPartialExecution implements InvariantCheck {

  @Override
  public Invariant invariant() {
    return Invariant.I1;
  }

  @Override
  public void check(CaseFacts facts, Findings findings) {
    facts.deliveries.forEach(
        (index, delivery) -> {
          if (delivery.undelivered().isEmpty()) {
            return;
          }
          findings.judge(
              Invariant.I1,
              index,
              facts.explanations,
              explanation -> {
                int ran = explanation.count(index);
                if (ran <= delivery.legitimate()) {
                  return java.util.Optional.empty();
                }
                return java.util.Optional.of(
                    facts.describe(index) + " ran " + ran + " time(s) (" + explanation.sources(index)
                        + ") but its attempts delivered the whole request at most " + delivery.legitimate()
                        + " time(s): " + String.join("; ", delivery.undelivered()) + facts.observedFor(index));
              });
        });
  }
}
