package dev.cutpoint.drive.commands;

import dev.cutpoint.history.Injection;
import dev.cutpoint.verbs.VerbClass;
import java.util.Map;
import java.util.Optional;

/**
 * One cut command case: where it was cut, whether the cut fired, the faulted call as Breezy made
 * it (its attempts: two or more is a resend), how the command ended, the oracle's verdict, and the
 * reviewed finding that covers each failed check, if one does.
 *
 * @param verbClass the cut call's class in Breezy's registry, empty where it has none
 * @param expectedBy per failed check, the id of the reviewed finding that covers it
 */
public record CommandCaseResult(
    CutPoint cut,
    Optional<VerbClass> verbClass,
    Injection injection,
    Optional<GateCall> faultedCall,
    int exitCode,
    String stderrTail,
    CommandVerdict verdict,
    Map<CommandCheck, String> expectedBy,
    long millis) {

  public CommandCaseResult {
    expectedBy = Map.copyOf(expectedBy);
  }

  /** The failed checks no reviewed finding covers: what fails a run. */
  public java.util.List<CommandVerdict.Broken> newFindings() {
    return verdict.broken().stream().filter(b -> !expectedBy.containsKey(b.check())).toList();
  }

  /** The same case, judged against the reviewed findings. */
  CommandCaseResult classified(Optional<VerbClass> newVerbClass, Map<CommandCheck, String> newExpectedBy) {
    return new CommandCaseResult(cut, newVerbClass, injection, faultedCall, exitCode, stderrTail,
        verdict, newExpectedBy, millis);
  }
}
