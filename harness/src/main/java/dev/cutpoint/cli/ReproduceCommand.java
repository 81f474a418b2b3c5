package dev.cutpoint.cli;

import dev.cutpoint.drive.Bug819604;
import dev.cutpoint.drive.JavaTarget;
import dev.cutpoint.drive.Targets;
import dev.cutpoint.drive.breezy.BreezyBug819604;
import dev.cutpoint.drive.breezy.BreezyException;
import dev.cutpoint.drive.breezy.BreezyInstallation;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cutpoint reproduce bug-819604}: the live-upgrade scenario told as a story (SPEC §2, §8).
 * Exit 0 when the call after the restart succeeded, 1 when it failed with a connection error (the
 * bug, as {@code --no-retry} shows it), 2 for bad arguments.
 */
@Command(
    name = "reproduce",
    mixinStandardHelpOptions = true,
    description = {
      "Tell a named scenario as a story: what was sent, where it was cut, what the client did.",
      "Exit code: 0 the call after the restart succeeded, 1 it failed with a connection error."
    })
public final class ReproduceCommand implements Callable<Integer> {

  /** The named scenarios this command knows. */
  static final List<String> SCENARIOS = List.of("bug-819604");
  /** The targets it can tell them on. */
  static final List<String> TARGETS = Targets.NAMES;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario: ${COMPLETION-CANDIDATES}.",
      completionCandidates = ScenarioNames.class)
  String scenario;

  @Option(names = "--target", paramLabel = "T", defaultValue = "java",
      description = "Which client and server (default: ${DEFAULT-VALUE}; accepted: java, breezy-server, breezy-client, breezy).")
  String target;

  @Option(names = "--no-retry", description = "Run the client with -Dnoretry: no resend at all.")
  boolean noRetry;

  @Mixin BreezyOption breezy;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (!SCENARIOS.contains(scenario)) {
      err.println("cutpoint: reproduce: unknown scenario '" + scenario + "'; accepted: " + String.join(", ", SCENARIOS));
      return 2;
    }
    if (!TARGETS.contains(target)) {
      err.println("cutpoint: reproduce: unknown target '" + target + "'; accepted: " + String.join(", ", TARGETS));
      return 2;
    }
    BreezyInstallation chosen;
    try {
      chosen = breezy.installation();
    } catch (IllegalArgumentException e) {
      err.println("cutpoint: reproduce: " + e.getMessage());
      return 2;
    }
    PrintWriter writer = spec.commandLine().getOut();
    PrintStream out = new PrintStream(new WriterOutputStream(writer), true, java.nio.charset.StandardCharsets.UTF_8);
    try {
      Bug819604.Ending ending = target.equals(JavaTarget.NAME)
          ? Bug819604.tell(out, noRetry)
          : BreezyBug819604.tell(out, target, noRetry, chosen);
      out.flush();
      return ending == Bug819604.Ending.SUCCEEDED ? 0 : 1;
    } catch (BreezyException e) {
      out.flush();
      // one line: a failed brz serve appends its log
      err.println("cutpoint: reproduce: " + e.getMessage().lines().findFirst().orElse(""));
      return 3;
    } catch (IOException e) {
      err.println("cutpoint: reproduce: " + e.getMessage());
      return 3;
    }
  }

  /** Picocli's completion candidates for the scenario name. */
  static final class ScenarioNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return SCENARIOS.iterator();
    }
  }
}
