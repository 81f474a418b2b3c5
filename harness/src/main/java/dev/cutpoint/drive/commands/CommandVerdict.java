package dev.cutpoint.drive.commands;

import java.util.List;

/**
 * The oracle's judgement of one command case.
 *
 * @param broken each check that failed, with the facts
 * @param serverRan what the server ran, inferred from the state, or "undecided: why"
 */
public record CommandVerdict(CommandOutcome outcome, List<Broken> broken, String serverRan) {

  public CommandVerdict {
    broken = List.copyOf(broken);
  }

  /** One failed check and what was seen. */
  public record Broken(CommandCheck check, String evidence) {}

  public boolean passed() {
    return broken.isEmpty();
  }
}
