package dev.cutpoint.drive.commands;

import dev.cutpoint.drive.MatrixCell;
import dev.cutpoint.drive.breezy.BreezyInstallation;
import dev.cutpoint.drive.breezy.BreezyRegistry;
import dev.cutpoint.drive.breezy.ExpectedFindings;
import dev.cutpoint.verbs.BreezyVerbTable;
import dev.cutpoint.verbs.VerbClass;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The command scenarios: each command recorded once without a fault, its cut points enumerated,
 * and every one of them ({@code all}) or a budget spread over the commands run and judged.
 */
public final class CommandMatrix {

  /**
   * Cut points of the CLI's default budget: measured under Maven (CommandsIT, seed 42), the history
   * and the seven fault-free recordings take about 16 s and a case about 1.3 s, so 32 cases take
   * about a minute on 2 cores.
   */
  public static final int DEFAULT_BUDGET = 32;

  private CommandMatrix() {}

  /**
   * Runs the commands.
   *
   * @param budget how many cut points to run, spread over the commands; ignored when {@code all}
   * @param progress told one line per case
   */
  public static CommandMatrixResult run(BreezyInstallation installation, Optional<String> toxiproxy,
      List<BrzCommand> commands, boolean all, int budget, long seed, Consumer<String> progress)
      throws IOException {
    long began = System.nanoTime();
    String version = installation.version();
    Random random = new Random(seed);
    ExpectedFindings findings = ExpectedFindings.reviewed();
    try (CommandRunner runner = CommandRunner.start(installation, toxiproxy, seed)) {
      List<CommandRecording> recordings = new ArrayList<>();
      List<List<CutPoint>> cutPoints = new ArrayList<>();
      for (BrzCommand command : commands) {
        CommandRecording recording = runner.record(command);
        recordings.add(recording);
        cutPoints.add(CutPoints.of(command, recording.calls(), runner.seesBlackHoles(), random));
        progress.accept(command.id() + ": " + recording.calls().size() + " calls, "
            + cutPoints.get(cutPoints.size() - 1).size() + " cut points, " + recording.millis()
            + " ms without a fault");
      }
      BreezyVerbTable classes = BreezyRegistry.of(installation);
      Map<String, String> seenClasses = new TreeMap<>();
      recordings.stream().flatMap(r -> r.calls().stream()).map(GateCall::verb).distinct()
          .forEach(verb -> classes.classOf(verb).ifPresent(c -> seenClasses.put(verb, c.breezyName())));
      List<CutPoint> chosen = all
          ? cutPoints.stream().flatMap(List::stream).toList()
          : CutPoints.sample(cutPoints, budget, random);
      Map<BrzCommand, List<CommandCaseResult>> results = new EnumMap<>(BrzCommand.class);
      int done = 0;
      List<String> harnessErrors = new ArrayList<>();
      for (CutPoint cut : chosen) {
        CommandRecording recording = recordings.get(commands.indexOf(cut.command()));
        done++;
        CommandCaseResult result;
        try {
          result = classify(runner.run(cut, recording), classes, findings);
        } catch (IOException | RuntimeException e) {
          // the case could not be run (brz, brz serve, the proxy or the gate failed): said, counted,
          // never a verdict; the runner has killed what it started and the next case starts clean
          String reason = e instanceof CommandHarnessError ? e.getMessage()
              : e.getClass().getSimpleName() + ": " + e.getMessage();
          harnessErrors.add(cut.describe() + ": " + reason);
          progress.accept("[" + done + "/" + chosen.size() + "] " + cut.describe() + ": HARNESS ERROR " + reason);
          continue;
        }
        results.computeIfAbsent(cut.command(), c -> new ArrayList<>()).add(result);
        progress.accept("[" + done + "/" + chosen.size() + "] " + cut.describe() + ": "
            + result.verdict().outcome() + (result.verdict().passed() ? ""
                : " " + result.verdict().broken().stream().map(b -> b.check().name()
                    + (result.expectedBy().containsKey(b.check()) ? " (expected)" : "")).toList())
            + " (" + result.millis() + " ms)");
      }
      List<CommandMatrixResult.CommandSection> sections = new ArrayList<>();
      for (int i = 0; i < commands.size(); i++) {
        sections.add(new CommandMatrixResult.CommandSection(recordings.get(i), cutPoints.get(i).size(),
            results.getOrDefault(commands.get(i), List.of())));
      }
      return new CommandMatrixResult(seed, all, version, runner.toxiproxyDescription(), sections,
          harnessErrors, seenClasses, (System.nanoTime() - began) / 1_000_000);
    }
  }

  /** Marks each failed check that a reviewed finding for {@value ExpectedFindings#COMMANDS_TARGET} covers. */
  static CommandCaseResult classify(CommandCaseResult result, BreezyVerbTable classes, ExpectedFindings findings) {
    Optional<VerbClass> verbClass = classes.classOf(result.cut().verb());
    Map<CommandCheck, String> expected = new EnumMap<>(CommandCheck.class);
    if (verbClass.isPresent()) {
      MatrixCell cell = new MatrixCell(verbClass.get(), result.cut().plan().phase(), result.cut().plan().kind());
      for (CommandVerdict.Broken broken : result.verdict().broken()) {
        findings.findings().stream()
            .filter(f -> f.covers(ExpectedFindings.COMMANDS_TARGET, cell, broken.check().invariant())
                && f.explanation().contains(broken.check().name()))
            .findFirst()
            .ifPresent(f -> expected.put(broken.check(), f.id()));
      }
    }
    return result.classified(verbClass, expected);
  }
}
