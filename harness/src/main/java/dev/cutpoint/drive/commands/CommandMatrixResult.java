package dev.cutpoint.drive.commands;

import java.util.List;

/**
 * A command-matrix run: per command its recording, how many cut points it has and the cases run.
 *
 * @param breezyVersion the Breezy that ran the commands and brz serve
 * @param harnessErrors the cut points the harness could not run, with why (never verdicts)
 * @param verbClasses each verb's retry class in Breezy's registry, where it has one
 */
public record CommandMatrixResult(
    long seed,
    boolean all,
    String breezyVersion,
    String toxiproxy,
    List<CommandSection> commands,
    List<String> harnessErrors,
    java.util.Map<String, String> verbClasses,
    long millis) {

  public CommandMatrixResult {
    commands = List.copyOf(commands);
    harnessErrors = List.copyOf(harnessErrors);
    verbClasses = java.util.Map.copyOf(verbClasses);
  }

  /** One command: its fault-free calls, its cut points, and the cases run of them. */
  public record CommandSection(
      CommandRecording recording, int cutPoints, List<CommandCaseResult> cases) {
    public CommandSection {
      cases = List.copyOf(cases);
    }
  }

  public int cutPoints() {
    return commands.stream().mapToInt(CommandSection::cutPoints).sum();
  }

  public int casesRun() {
    return commands.stream().mapToInt(c -> c.cases().size()).sum();
  }

  /** Cases whose oracle found something (expected or not). */
  public List<CommandCaseResult> failedCases() {
    return commands.stream().flatMap(c -> c.cases().stream()).filter(c -> !c.verdict().passed()).toList();
  }

  /** Cases per second. */
  public double rate() {
    return millis == 0 ? 0 : casesRun() * 1000.0 / millis;
  }
}
