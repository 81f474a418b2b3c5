package dev.cutpoint.report;

/**
 * How to re-run a case: the case file the harness wrote and the command that replays it.
 *
 * @param caseFile the case file's path, relative to the repository root when it lies inside it
 * @param command the exact command line, to be run from the repository root
 */
public record Replay(String caseFile, String command) {
  /** The launcher at the repository root: the jar on the JVM settings of Maven's runs. */
  static final String LAUNCHER = "./cutpoint";

  public Replay {
    Checks.text("caseFile", caseFile);
    Checks.text("command", command);
  }

  /** {@code ./cutpoint replay <case file>}, the path quoted for a POSIX shell when needed. */
  public static Replay of(String caseFile) {
    return new Replay(caseFile, LAUNCHER + " replay " + ShellWords.quote(caseFile));
  }

  /** The same, with {@code --breezy PATH} when the run used a Breezy of the user's choosing. */
  public static Replay of(String caseFile, java.util.Optional<String> breezyPath) {
    Replay plain = of(caseFile);
    return breezyPath.map(p -> new Replay(caseFile, plain.command() + " --breezy " + ShellWords.quote(p)))
        .orElse(plain);
  }
}
