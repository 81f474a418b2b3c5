package dev.cutpoint.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.drive.breezy.BreezyInstallation;
import dev.cutpoint.drive.commands.BrzCommand;
import dev.cutpoint.drive.commands.CommandCaseResult;
import dev.cutpoint.drive.commands.CommandMatrix;
import dev.cutpoint.drive.commands.CommandMatrixResult;
import dev.cutpoint.drive.commands.CommandsJson;
import dev.cutpoint.report.CommandsMarkdown;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The real brz commands under {@code mvn verify -Pfault-matrix} (issue 11): {@code cutpoint.commands}
 * cut points spread over every command ({@code all}: every one, the nightly's run), written beside the matrix's report as {@code commands.json}
 * and {@code commands.md} before anything is asserted. Fails on a check no reviewed finding covers
 * and on a cut point the harness could not run.
 */
class CommandsIT {

  @Test
  void everyCutCommandEndsAsTheUserMayExpect() throws IOException {
    String asked = System.getProperty("cutpoint.commands", "" + CommandMatrix.DEFAULT_BUDGET).trim();
    boolean all = asked.equals("all");
    int budget;
    try {
      budget = all ? Integer.MAX_VALUE : Integer.parseInt(asked);
    } catch (NumberFormatException e) {
      throw new BadRunSetting("cutpoint.commands", asked, "a number of cut points, or all");
    }
    String seedText = System.getProperty(RunSettings.SEED, "").trim();
    long seed = seedText.isEmpty() ? new SecureRandom().nextLong() : Long.parseLong(seedText);
    Optional<String> toxiproxy = Optional.ofNullable(System.getProperty("cutpoint.toxiproxy"))
        .map(String::trim).filter(s -> !s.isEmpty());
    System.out.println("commands: " + (all ? "every" : budget) + " cut points, seed " + seed);
    CommandMatrixResult result = CommandMatrix.run(BreezyInstallation.system(), toxiproxy,
        List.of(BrzCommand.values()), all, budget, seed, System.out::println);
    Path out = Path.of("reports", "target", "fault-matrix");
    Files.createDirectories(out);
    Files.writeString(out.resolve("commands.json"), CommandsJson.text(result));
    Files.writeString(out.resolve("commands.md"), CommandsMarkdown.render(CommandsJson.of(result)));
    System.out.println(String.format(Locale.ROOT, "commands: %d of %d cut points in %.1f s, %.2f cases/s",
        result.casesRun(), result.cutPoints(), result.millis() / 1000.0, result.rate()));
    List<CommandCaseResult> fresh = result.commands().stream().flatMap(c -> c.cases().stream())
        .filter(c -> !c.newFindings().isEmpty()).toList();
    assertThat(result.harnessErrors()).as("cut points the harness could not run").isEmpty();
    assertThat(fresh).as("cut commands with a check no reviewed finding covers")
        .extracting(c -> c.cut().describe() + ": " + c.newFindings()).isEmpty();
    assertThat(result.casesRun()).isEqualTo(Math.min(budget, result.cutPoints()));
  }
}
