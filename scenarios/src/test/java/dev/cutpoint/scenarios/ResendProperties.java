package dev.cutpoint.scenarios;

import dev.cutpoint.check.Invariant;
import dev.cutpoint.drive.CaseResult;
import dev.cutpoint.drive.CaseSpec;
import dev.cutpoint.history.Attempt;
import dev.cutpoint.history.Call;
import dev.cutpoint.history.OutcomeKind;
import dev.cutpoint.verbs.VerbClass;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The client's side of bug 819604's fix (SPEC §1, §7): what it resends after a lost connection,
 * and what it must not. One property per claim, each on the java target through the configured
 * Toxiproxy; a try is a round that injects every fault shape the claim covers once.
 */
@AddLifecycleHook(CutpointBudget.class)
class ResendProperties {

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

  /** I3: a read or idem call hit by one transient fault, wherever it falls, completes. */
  @Property
  void idempotentCallSurvivesAnySingleCut(@ForAll("readOrIdemRounds") List<CaseSpec> round) throws IOException {
    target.runRound("idempotentCallSurvivesAnySingleCut", round, FaultShape.fatal(), result -> {
      Claim.holds(result, Invariant.I3);
      Call hit = Claim.faultedCall(result);
      Claim.require(result, hit.outcome().kind() != OutcomeKind.FAILED,
          "the hit call failed: " + hit.outcome().error().map(e -> e.type() + ": " + e.message()).orElse(""));
    });
  }

  @Provide
  Arbitrary<List<CaseSpec>> readOrIdemRounds() {
    return Rounds.of(EnumSet.of(VerbClass.READ, VerbClass.IDEM), FaultShape.fatal());
  }

  /** I3 for semi: a lock call hit by one fault completes, or surfaces the server's answer (the lock is held). */
  @Property
  void lockCallSurvivesAnySingleCut(@ForAll("semiRounds") List<CaseSpec> round) throws IOException {
    target.runRound("lockCallSurvivesAnySingleCut", round, FaultShape.fatal(), result -> {
      Claim.holds(result, Invariant.I3);
      Call hit = Claim.faultedCall(result);
      Claim.require(result, hit.outcome().kind() != OutcomeKind.FAILED,
          "the hit lock call failed: " + hit.outcome().error().map(e -> e.type() + ": " + e.message()).orElse(""));
    });
  }

  @Provide
  Arbitrary<List<CaseSpec>> semiRounds() {
    return Rounds.of(EnumSet.of(VerbClass.SEMI), FaultShape.fatal());
  }

  /**
   * I2, I4 for mutate: once an append's whole request has been handed to the socket, the server may
   * have run it; the client never sends it again, and says so in a typed error.
   */
  @Property
  void appendIsNeverResentAfterItMayHaveRun(@ForAll("mutateRounds") List<CaseSpec> round) throws IOException {
    target.runRound("appendIsNeverResentAfterItMayHaveRun", round, FaultShape.fatal(), result -> {
      Claim.holds(result, Invariant.I2, Invariant.I4);
      noAttemptAfter(result, Attempt::writeCompleted, "an attempt that had sent the whole request");
    });
  }

  @Provide
  Arbitrary<List<CaseSpec>> mutateRounds() {
    return Rounds.of(EnumSet.of(VerbClass.MUTATE), FaultShape.fatal());
  }

  /** I2, I4 for semivfs: mkdir, rmdir, delete, rename are not resent once they may have run. */
  @Property
  void fileSystemChangeIsNeverResentAfterItMayHaveRun(@ForAll("semivfsRounds") List<CaseSpec> round)
      throws IOException {
    target.runRound("fileSystemChangeIsNeverResentAfterItMayHaveRun", round, FaultShape.fatal(), result -> {
      Claim.holds(result, Invariant.I2, Invariant.I4);
      noAttemptAfter(result, Attempt::writeCompleted, "an attempt that had sent the whole request");
    });
  }

  @Provide
  Arbitrary<List<CaseSpec>> semivfsRounds() {
    return Rounds.of(EnumSet.of(VerbClass.SEMIVFS), FaultShape.fatal());
  }

  /** I2, I4 for stream: a body stream that has started to be consumed is never resent, in any phase. */
  @Property
  void startedStreamIsNeverResent(@ForAll("streamRounds") List<CaseSpec> round) throws IOException {
    target.runRound("startedStreamIsNeverResent", round, FaultShape.fatal(), result -> {
      Claim.holds(result, Invariant.I2, Invariant.I4);
      noAttemptAfter(result, Attempt::bodyStreamStarted, "an attempt whose body stream had started");
    });
  }

  @Provide
  Arbitrary<List<CaseSpec>> streamRounds() {
    return Rounds.of(EnumSet.of(VerbClass.STREAM), FaultShape.fatal());
  }

  /**
   * I5: whatever the verb and the fault — one-shot, or persistent so that the resend is cut too —
   * a call is sent at most twice.
   */
  @Property
  void atMostOneResendPerCall(@ForAll("everyClassWithPersistentRounds") List<CaseSpec> round) throws IOException {
    target.runRound("atMostOneResendPerCall", round, withPersistent(), result -> {
      Claim.holds(result, Invariant.I5);
      for (Call call : Claim.everyCall(result)) {
        Claim.require(result, call.attempts().size() <= 2,
            "request " + call.requestIndex() + " was sent " + call.attempts().size() + " times");
      }
    });
  }

  @Provide
  Arbitrary<List<CaseSpec>> everyClassWithPersistentRounds() {
    return Rounds.of(EnumSet.allOf(VerbClass.class), withPersistent());
  }

  /** I8: without a fault, and under SLICE or LATENCY, every call succeeds on its first attempt. */
  @Property
  void noFaultNoRetry(@ForAll("disturbedRounds") List<CaseSpec> round) throws IOException {
    target.runRound("noFaultNoRetry", round, FaultShape.disturbing(), result -> {
      Claim.holds(result, Invariant.I8);
      for (Call call : Claim.everyCall(result)) {
        Claim.require(result, call.attempts().size() == 1 && call.outcome().kind() != OutcomeKind.FAILED,
            "request " + call.requestIndex() + " took " + call.attempts().size() + " attempt(s) and ended "
                + call.outcome().kind());
      }
    });
  }

  @Provide
  Arbitrary<List<CaseSpec>> disturbedRounds() {
    return Rounds.of(EnumSet.allOf(VerbClass.class), FaultShape.disturbing());
  }

  private static List<FaultShape> withPersistent() {
    List<FaultShape> shapes = new ArrayList<>(FaultShape.fatal());
    shapes.addAll(FaultShape.persistentCuts());
    return shapes;
  }

  /** In the faulted call, no attempt follows one that {@code mayHaveRun}. */
  private static void noAttemptAfter(CaseResult result, Predicate<Attempt> mayHaveRun, String what) {
    List<Attempt> attempts = Claim.faultedCall(result).attempts();
    for (int i = 0; i + 1 < attempts.size(); i++) {
      Claim.require(result, !mayHaveRun.test(attempts.get(i)),
          "attempt " + (i + 2) + " followed " + what + " (attempt " + (i + 1) + ")");
    }
  }
}
