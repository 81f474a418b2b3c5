package dev.cutpoint.drive;

import dev.cutpoint.check.Invariant;
import dev.cutpoint.history.Phase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shrinks a violating case while the same invariant still breaks (SPEC §8: counterexamples of at
 * most two requests where possible): first the faulted request alone (with the one before it for a
 * BETWEEN fault, which needs a previous response), then dropping one request at a time, then
 * payloads cut down to a few dozen bytes. The fault keeps its fraction, so its concrete offset is
 * planned again from each candidate's own dry run.
 */
final class Minimizer {

  /** The payload size the last step tries: the marker and a little filler. */
  static final int SMALL_PAYLOAD = 48;
  /** A bound on the re-runs for one case, so that slow cells (black holes) stay affordable. */
  private static final int MAX_RUNS = 12;

  private final Target target;
  private final Invariant invariant;
  private int runs;

  private Minimizer(Target target, Invariant invariant) {
    this.target = target;
    this.invariant = invariant;
  }

  /** The smallest variant of {@code original} found that still breaks its first invariant. */
  static CaseResult minimize(Target target, CaseSpec spec, CaseResult original) {
    Optional<Invariant> broken = original.firstViolated();
    if (broken.isEmpty()) {
      return original;
    }
    return new Minimizer(target, broken.get()).shrink(spec, original);
  }

  private CaseResult shrink(CaseSpec spec, CaseResult original) {
    CaseSpec best = spec;
    CaseResult bestResult = original;
    int keepBefore = spec.cell().phase() == Phase.BETWEEN ? 1 : 0;
    if (best.requests().size() > 1 + keepBefore) {
      int from = best.faultIndex() - keepBefore;
      CaseSpec alone = best.withRequests(
          best.requests().subList(from, best.faultIndex() + 1), keepBefore);
      Optional<CaseResult> tried = attempt(alone);
      if (tried.isPresent()) {
        best = alone;
        bestResult = tried.get();
      }
    }
    boolean shrunk = true;
    while (shrunk && best.requests().size() > 1 + keepBefore && runs < MAX_RUNS) {
      shrunk = false;
      for (int drop = 0; drop < best.requests().size() && runs < MAX_RUNS; drop++) {
        if (drop == best.faultIndex() || (keepBefore == 1 && drop == best.faultIndex() - 1)) {
          continue;
        }
        List<RequestDraft> fewer = new ArrayList<>(best.requests());
        fewer.remove(drop);
        CaseSpec candidate = best.withRequests(fewer, best.faultIndex() - (drop < best.faultIndex() ? 1 : 0));
        Optional<CaseResult> tried = attempt(candidate);
        if (tried.isPresent()) {
          best = candidate;
          bestResult = tried.get();
          shrunk = true;
          break;
        }
      }
    }
    List<RequestDraft> small = best.requests().stream().map(r -> r.withPayloadsAtMost(SMALL_PAYLOAD)).toList();
    if (!small.equals(best.requests()) && runs < MAX_RUNS) {
      CaseSpec candidate = best.withRequests(small, best.faultIndex());
      Optional<CaseResult> tried = attempt(candidate);
      if (tried.isPresent()) {
        best = candidate;
        bestResult = tried.get();
      }
    }
    if (best == spec) {
      return original;
    }
    // the replays that confirmed the violation ran the generated case: they stay its evidence
    return new CaseResult(
        original.id() + "-min", bestResult.cell(), bestResult.persistent(), bestResult.record(),
        bestResult.verdict(), Optional.of(original.id()), bestResult.duration(), original.confirmation());
  }

  private Optional<CaseResult> attempt(CaseSpec candidate) {
    runs++;
    try {
      CaseResult result = CaseRunner.run(target, candidate);
      boolean same = result.verdict().violations().stream().anyMatch(v -> v.invariant() == invariant);
      return same ? Optional.of(result) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      // a candidate the harness cannot run (e.g. its plan no longer fits) is simply not smaller
      return Optional.empty();
    }
  }
}
