package dev.cutpoint.cli;

import dev.cutpoint.drive.breezy.BreezyInstallation;
import dev.cutpoint.drive.commands.BrzCommand;
import dev.cutpoint.drive.commands.CommandCaseResult;
import dev.cutpoint.drive.commands.CommandMatrix;
import dev.cutpoint.drive.commands.CommandMatrixResult;
import dev.cutpoint.drive.commands.CommandsJson;
import dev.cutpoint.report.CommandsMarkdown;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cutpoint commands}: real brz commands (branch, push, pull, commit in a bound checkout, log,
 * cat) against brz serve through the proxy, each call cut in each phase and kind (issue 11, SPEC
 * §13). Exit 0 when no check failed that a reviewed finding does not cover, 1 otherwise, 2 for bad
 * arguments, 3 when the harness cannot run (no Breezy, a command failing without a fault).
 */
@Command(
    name = "commands",
    mixinStandardHelpOptions = true,
    description = {
      "Run real brz commands against brz serve through the proxy, cutting each call of each command.",
      "Prints the rate and how many cut points of how many ran; writes commands.json and commands.md."
    })
public final class CommandsCommand implements Callable<Integer> {

  @Mixin CommandSupport support;

  @Option(names = "--all", description = "Every call x phase x kind of every command (what the nightly job runs: a quarter of an hour or more) instead of a sample.")
  boolean all;

  @Option(names = "--cut-points", paramLabel = "N", defaultValue = "" + CommandMatrix.DEFAULT_BUDGET,
      description = "Cut points to run, spread over the commands (default: ${DEFAULT-VALUE}); ignored with --all.")
  int budget;

  @Option(names = "--command", paramLabel = "C", split = ",",
      description = "Commands to run (default: all of branch, push-new, push-more, pull, commit-bound, log, cat).")
  List<String> names = new ArrayList<>();

  @Option(names = "--seed", paramLabel = "S", description = "The run's seed (default: a random one, printed).")
  Long seed;

  @Option(names = "--toxiproxy", paramLabel = "P",
      description = "embedded, an http://host:port URL, or a toxiproxy-server binary (default: cutpoint.toxiproxy, TOXIPROXY_URL, else embedded).")
  String toxiproxy;

  @Mixin BreezyOption breezy;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports/target/fault-matrix",
      description = "Where commands.json and commands.md go (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    if (budget < 1) {
      return support.fail("--cut-points must be at least 1, was " + budget);
    }
    List<BrzCommand> commands = new ArrayList<>();
    for (String name : names.isEmpty() ? Arrays.stream(BrzCommand.values()).map(BrzCommand::id).toList() : names) {
      Optional<BrzCommand> command = BrzCommand.named(name.trim());
      if (command.isEmpty()) {
        return support.fail("--command: unknown command '" + name + "'; accepted: "
            + String.join(", ", Arrays.stream(BrzCommand.values()).map(BrzCommand::id).toList()));
      }
      if (!commands.contains(command.get())) {
        commands.add(command.get());
      }
    }
    BreezyInstallation installation;
    String proxy;
    try {
      installation = breezy.installation();
      // every argument is checked before brz serve starts: a run finds out now, not after its last case
      CommandSupport.requireWritableDirectory("--out", out, "");
      proxy = CommandSupport.requireToxiproxy(Optional.ofNullable(toxiproxy));
    } catch (IllegalArgumentException e) {
      return support.fail(e.getMessage());
    }
    long runSeed = seed != null ? seed : new SecureRandom().nextLong();
    PrintWriter console = support.command.commandLine().getOut();
    console.println("commands: " + String.join(", ", commands.stream().map(BrzCommand::id).toList())
        + (all ? ", every cut point" : ", " + budget + " cut points") + ", seed " + runSeed + ", Toxiproxy " + proxy);
    console.flush();
    CommandMatrixResult result;
    try {
      result = CommandMatrix.run(installation, Optional.ofNullable(toxiproxy), commands, all,
          budget, runSeed, line -> {
            console.println(line);
            console.flush();
          });
      Files.createDirectories(out);
      Files.writeString(out.resolve("commands.json"), CommandsJson.text(result));
      Files.writeString(out.resolve("commands.md"), CommandsMarkdown.render(CommandsJson.of(result)));
    } catch (IOException | RuntimeException e) {
      PrintWriter err = support.command.commandLine().getErr();
      err.println("cutpoint commands: the harness failed: " + e.getMessage());
      err.flush();
      return CommandSupport.HARNESS_FAILED;
    }
    List<CommandCaseResult> fresh = result.commands().stream().flatMap(c -> c.cases().stream())
        .filter(c -> !c.newFindings().isEmpty()).toList();
    for (CommandCaseResult c : fresh) {
      console.println("NEW FINDING " + c.cut().describe() + ": " + c.newFindings());
    }
    console.println("report: " + out.resolve("commands.md") + " (commands.json)");
    console.println(String.format(Locale.ROOT, "rate: %.2f cases/s; %d of %d cut points run in %.1f s",
        result.rate(), result.casesRun(), result.cutPoints(), result.millis() / 1000.0));
    result.harnessErrors().forEach(e -> console.println("harness error: " + e));
    console.println(result.casesRun() + " cut points, " + fresh.size() + " with new findings, "
        + (result.failedCases().size() - fresh.size()) + " with reviewed findings only, "
        + result.harnessErrors().size() + " harness errors");
    console.flush();
    return fresh.isEmpty() && result.harnessErrors().isEmpty() ? CommandSupport.PASSED : CommandSupport.VIOLATIONS;
  }
}
