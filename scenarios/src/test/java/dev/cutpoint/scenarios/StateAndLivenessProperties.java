package dev.cutpoint.scenarios;

import dev.cutpoint.check.Invariant;
import dev.cutpoint.drive.CaseSpec;
import dev.cutpoint.history.Call;
import dev.cutpoint.history.OutcomeKind;
import dev.cutpoint.verbs.VerbClass;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * What the server ran and whether the client lives on (SPEC §3.3, §7): no partial execution, every
 * call ending in time with a working client after it, and a final state the model explains. Every
 * verb class, on the java target through the configured Toxiproxy.
 */
@AddLifecycleHook(CutpointBudget.class)
class StateAndLivenessProperties {

  private static PropertyTarget target;

  @BeforeContainer
  static void start() throws IOException {
    target = PropertyTarget.start();
  }

  @AfterContainer
  static void stop() {
    if (target != null) {
      target.close();
    }
  }

  /**
   * I1: a request cut before its terminal {@code e} reached the server (any WRITE cut, FLUSH at
   * n−1) is not executed, not even in part.
   */
  @Property
  void noPartialRequestIsEverExecuted(@ForAll("partialRequestRounds") List<CaseSpec> round) throws IOException {
    target.runRound("noPartialRequestIsEverExecuted", round, FaultShape.partialRequest(),
        result -> Claim.holds(result, Invariant.I1));
  }

  @Provide
  Arbitrary<List<CaseSpec>> partialRequestRounds() {
    return Rounds.flushBeforeTheEnd(Rounds.of(EnumSet.allOf(VerbClass.class), FaultShape.partialRequest()));
  }

  /** I6: every call ends within its timeout (black holes included), and the next call works at once. */
  @Property
  void everyCallEndsAndTheClientStillWorks(@ForAll("everyFaultRounds") List<CaseSpec> round) throws IOException {
    target.runRound("everyCallEndsAndTheClientStillWorks", round, FaultShape.all(), result -> {
      Claim.holds(result, Invariant.I6);
      for (Call call : Claim.everyCall(result)) {
        Claim.require(result, call.elapsedMillis() <= call.timeoutMillis(),
            "request " + call.requestIndex() + " took " + call.elapsedMillis() + " ms, its bound was "
                + call.timeoutMillis() + " ms");
      }
      Call probe = result.record().probe().call();
      Claim.require(result, probe.attempts().size() == 1 && probe.outcome().kind() == OutcomeKind.SUCCESS,
          "the probe after the sequence took " + probe.attempts().size() + " attempt(s) and ended "
              + probe.outcome().kind());
    });
  }

  @Provide
  Arbitrary<List<CaseSpec>> everyFaultRounds() {
    return Rounds.of(EnumSet.allOf(VerbClass.class), FaultShape.all());
  }

  /** I7: the final state is the model applied to exactly the requests that ran (unique payloads tell which). */
  @Property
  void finalStateMatchesTheModel(@ForAll("everyFaultRounds") List<CaseSpec> round) throws IOException {
    target.runRound("finalStateMatchesTheModel", round, FaultShape.all(), result -> Claim.holds(result, Invariant.I7));
  }
}
