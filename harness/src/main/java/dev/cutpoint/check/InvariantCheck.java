package dev.cutpoint.check;

/** One invariant's check over a case's facts. */
interface InvariantCheck {

  Invariant invariant();

  void check(CaseFacts facts, Findings findings);
}
