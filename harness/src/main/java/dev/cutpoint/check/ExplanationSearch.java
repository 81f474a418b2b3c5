package dev.cutpoint.check;

import dev.cutpoint.history.Call;
import dev.cutpoint.history.Reply;
import dev.cutpoint.history.Request;
import dev.cutpoint.history.StateEntry;
import dev.cutpoint.verbs.VerbClass;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Without a journal ({@code brz serve}), which requests ran is inferred the way Elle infers it from
 * list-append histories: every call may have run between its certain and its possible number of
 * executions (its attempts bound them), each execution may take any of the model's alternatives,
 * and the accounts whose final state is the observed one — unique payloads make most of them
 * differ — are the explanations. Accounts whose replies also agree with the recorded ones are
 * preferred. The calls run in sequence, so the executions of a call begin after its neighbour's
 * before it; an execution whose answer nobody saw (its connection died once the whole request may
 * have arrived) may still be running when the client has moved on: brz serve runs each connection
 * on its own thread, so such an execution may land after any later call's, up to the end of the
 * case (seen on a loaded machine: an {@code append} cut at FLUSH k = n landed after the next
 * {@code append}); and one that is not done in one step ({@link VerbModel#partWay}) may be seen
 * part-way by the calls in between (seen too: a {@code stat} found the empty file such an
 * {@code append} had created and not yet written).
 */
final class ExplanationSearch {

  /** Model steps before the search gives up and leaves the case undecided. */
  static final int BUDGET = 200_000;

  /**
   * An execution left to land after its call: its owner's index, and the request before which it
   * began ({@link #NOT_BEGUN} if it has not).
   */
  private record Late(int owner, int begunBefore) {
    boolean begun() {
      return begunBefore != NOT_BEGUN;
    }
  }

  private static final int NOT_BEGUN = -1;

  private final CaseFacts facts;
  private final List<Explanation> found = new ArrayList<>();
  private int steps;

  private ExplanationSearch(CaseFacts facts) {
    this.facts = facts;
  }

  static List<Explanation> explain(CaseFacts facts, Findings findings) {
    reportPartialPayloads(facts, findings);
    ExplanationSearch search = new ExplanationSearch(facts);
    boolean complete =
        search.visit(0, ModelState.of(facts.record.scenario().initialState()), List.of(), true, List.of());
    if (!complete) {
      findings.undecided(
          Invariant.I7,
          facts.record.scenario().requests().size() - 1,
          "more than " + BUDGET + " model steps to explain the final state without a journal");
      return List.of();
    }
    List<Explanation> consistent = search.found.stream().filter(e -> e.differences().isEmpty()).toList();
    if (consistent.isEmpty()) {
      Explanation closest =
          search.found.stream().min(Comparator.comparingInt(e -> e.differences().size())).orElseThrow();
      int blame =
          facts.record.scenario().fault().map(f -> f.requestIndex()).orElse(facts.record.scenario().requests().size() - 1);
      String evidence =
          "no run of the recorded attempts explains the final state; the closest ("
              + describeCounts(closest) + ") differs: " + String.join("; ", closest.differences());
      if (findings.violations.stream().anyMatch(v -> v.invariant() == Invariant.I1)) {
        findings.undecided(Invariant.I7, blame, "the state holds a partial payload (see I1); " + evidence);
      } else {
        findings.violation(Invariant.I7, blame, evidence);
      }
      return List.of();
    }
    List<Explanation> agreeing = consistent.stream().filter(Explanation::repliesAgree).toList();
    return agreeing.isEmpty() ? consistent : agreeing;
  }

  /**
   * Depth-first over requests in order, with the executions left {@code late} beginning and
   * landing before any request or at the end; false when the budget ran out.
   */
  private boolean visit(int index, ModelState state, List<Execution> executions, boolean agree, List<Late> late) {
    Optional<Late> partWay = late.stream().filter(Late::begun).findFirst();
    boolean readNext = index < facts.requests.size() && facts.requests.get(index).verbClass() == VerbClass.READ;
    for (int i = 0; i < late.size(); i++) {
      Late execution = late.get(i);
      if (late.indexOf(execution) != i) {
        continue; // the same execution twice in the list is one branch
      }
      if (partWay.isPresent() && !partWay.get().equals(execution)) {
        continue; // while one execution is part-way, nothing else changes the tree (see below)
      }
      // landing whole right after its own call, an execution of a call nothing answered is the
      // one in its turn, already explored; one that began here and ends here landed whole here
      boolean explored = execution.begun()
          ? execution.begunBefore() == index
          : index == execution.owner() + 1 && facts.deliveries.get(execution.owner()).certain() == 0;
      if (!explored && !runLate(index, i, state, executions, agree, late)) {
        return false;
      }
      if (!execution.begun() && readNext && !begin(index, i, state, executions, agree, late)) {
        return false;
      }
    }
    if (index == facts.requests.size()) {
      if (late.isEmpty()) {
        found.add(new Explanation(executions, state, state.differences(facts.record.finalState()), agree));
      }
      return true;
    }
    if (partWay.isPresent() && !readNext) {
      // only reads come between an execution's start and its end: the model would write its body
      // to whatever holds its path then, where brz serve writes to the file it opened (a delete or
      // a rename in between takes that file away), and landing it before the write gives the
      // same tree as brz serve
      return true;
    }
    Call call = facts.calls.get(index);
    if (call == null) {
      return visit(index + 1, state, executions, agree, late);
    }
    CallDelivery delivery = facts.deliveries.get(index);
    for (int times = delivery.certain(); times <= delivery.possible(); times++) {
      // only executions nobody saw answer can be late: the certain ones answered in their turn
      for (int later = 0; later <= times - delivery.certain(); later++) {
        List<Late> more = new ArrayList<>(late);
        more.addAll(Collections.nCopies(later, new Late(index, NOT_BEGUN)));
        if (!run(index, times - later, state, executions, agree, more)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Runs request {@code index} {@code times} more times, branching on alternatives, then goes on. */
  private boolean run(int index, int times, ModelState state, List<Execution> executions, boolean agree,
      List<Late> late) {
    if (times == 0) {
      return visit(index + 1, state, executions, agree, late);
    }
    if (++steps > BUDGET) {
      return false;
    }
    Request request = facts.requests.get(index);
    // the last execution of a call produced the reply its caller got, if one came back
    Optional<Reply> observed = times == 1 ? facts.finalReply(index) : Optional.empty();
    for (Alternative alternative : facts.alternatives(state, request)) {
      boolean matches = observed.map(r -> alternative.reply().matches(r)).orElse(true);
      List<Execution> longer = new ArrayList<>(executions);
      longer.add(new Execution(index, "inferred from the final state", alternative.reply(), observed));
      if (!run(index, times - 1, alternative.settle(observed), longer, agree && matches, late)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Lands the late execution {@code late.get(which)} before request {@code index} (finishes it,
   * if it has begun), then goes on.
   */
  private boolean runLate(int index, int which, ModelState state, List<Execution> executions, boolean agree,
      List<Late> late) {
    if (++steps > BUDGET) {
      return false;
    }
    int owner = late.get(which).owner();
    List<Late> rest = new ArrayList<>(late);
    rest.remove(which);
    for (Alternative alternative : facts.alternatives(state, facts.requests.get(owner))) {
      List<Execution> longer = new ArrayList<>(executions);
      longer.add(new Execution(owner, "inferred from the final state, after the client had moved on",
          alternative.reply(), Optional.empty()));
      if (!visit(index, alternative.settle(Optional.empty()), longer, agree, rest)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Begins the late execution {@code late.get(which)} before request {@code index}, where it shows
   * a state part-way ({@link VerbModel#partWay}): request {@code index} may find that state; the
   * execution lands later.
   */
  private boolean begin(int index, int which, ModelState state, List<Execution> executions, boolean agree,
      List<Late> late) {
    Optional<ModelState> partWay = VerbModel.partWay(state, facts.requests.get(late.get(which).owner()));
    if (partWay.isEmpty()) {
      return true;
    }
    if (++steps > BUDGET) {
      return false;
    }
    List<Late> begun = new ArrayList<>(late);
    begun.set(which, new Late(late.get(which).owner(), index));
    return visit(index, partWay.get(), executions, agree, begun);
  }

  /** I1 seen directly: a file holds a piece of a unique payload shorter than the payload. */
  private static void reportPartialPayloads(CaseFacts facts, Findings findings) {
    for (StateEntry entry : facts.record.finalState().entries()) {
      if (entry.content().isEmpty()) {
        continue;
      }
      for (PayloadText.Piece piece : PayloadText.partials(entry.content().get(), facts.payloadsByToken)) {
        int owner = facts.requestWithToken(piece.token()).map(Request::index).orElse(0);
        findings.violation(
            Invariant.I1,
            owner,
            entry.path() + " holds " + piece.length() + " of the " + facts.payloadsByToken.get(piece.token()).size()
                + " bytes of " + facts.describe(owner) + "'s payload [" + piece.token()
                + "]: the server executed a body it had not fully received");
      }
    }
  }

  static String describeCounts(Explanation explanation) {
    List<String> parts = new ArrayList<>();
    explanation.executions().stream()
        .map(Execution::requestIndex)
        .distinct()
        .forEach(i -> parts.add("request " + i + " x" + explanation.count(i)));
    return parts.isEmpty() ? "nothing ran" : String.join(", ", parts);
  }
}
