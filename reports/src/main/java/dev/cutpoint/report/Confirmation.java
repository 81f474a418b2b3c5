package dev.cutpoint.report;

/**
 * How often a violation came back when its case was replayed before the report (SPEC §7,
 * {@code --confirm K}): one that never does is a harness defect until shown otherwise.
 *
 * @param reproduced replays that broke the same invariant again
 * @param replays replays run
 */
public record Confirmation(int reproduced, int replays) {
  public Confirmation {
    if (replays < 1) {
      throw new IllegalArgumentException("replays must be 1 or more: " + replays);
    }
    if (reproduced < 0 || reproduced > replays) {
      throw new IllegalArgumentException("reproduced must be 0 to " + replays + ": " + reproduced);
    }
  }

  /** {@code reproduced 2/3}; one that never came back says what SPEC §7 makes of it. */
  public String describe() {
    return "reproduced " + reproduced + "/" + replays
        + (reproduced == 0 ? " (a harness defect until shown otherwise)" : "");
  }
}
