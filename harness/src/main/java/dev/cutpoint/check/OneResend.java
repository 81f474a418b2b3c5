package dev.cutpoint.check;

/** I5. Evidence: the number of attempts of each call; two is one resend. */
final class OneResend implements InvariantCheck {

  @Override
  public Invariant invariant() {
    return Invariant.I5;
  }

  @Override
  public void check(CaseFacts facts, Findings findings) {
    facts.calls.forEach(
        (index, call) -> {
          if (call.attempts().size() > 2) {
            findings.violation(
                Invariant.I5,
                index,
                facts.describe(index) + " was sent " + call.attempts().size() + " times in one call");
          }
        });
  }
}
