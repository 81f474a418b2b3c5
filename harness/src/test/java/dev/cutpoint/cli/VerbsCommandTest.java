package dev.cutpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.drive.breezy.BreezyCopy;
import dev.cutpoint.drive.breezy.BreezyRegistry;
import dev.cutpoint.drive.breezy.InstalledBreezy;
import dev.cutpoint.verbs.Verb;
import dev.cutpoint.verbs.Verbs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code cutpoint verbs}: Breezy's registry beside the harness's classes, differences marked. */
class VerbsCommandTest {

  @TempDir Path dir;

  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();

  @Test
  void listsEveryVerbOfTheInstalledBreezyBesideTheHarnesssClass() {
    int inRegistry = BreezyRegistry.of(InstalledBreezy.require()).classes().size();
    long shared = Verbs.ALL.stream().filter(Verb::onBreezy).count();

    assertThat(Main.run("verbs")).isZero();

    String out = console.out();
    assertThat(out.lines().findFirst()).get().asString()
        .startsWith("Breezy ").contains("(" + BreezyCopy.INSTALLED + "): " + inRegistry + " verbs in ");
    assertThat(out.lines()).anySatisfy(l -> assertThat(l).matches("mkdir +semivfs +semivfs"));
    assertThat(out.lines()).anySatisfy(l -> assertThat(l).matches("append +mutate +mutate"));
    assertThat(out.lines()).anySatisfy(l ->
        assertThat(l).matches("Repository\\.insert_stream_1\\.19 +stream +- +unknown to the harness"));
    assertThat(out.lines()).anySatisfy(l ->
        assertThat(l).matches("insert_stream +- +stream +the harness's own, not Breezy's"));
    assertThat(out).doesNotContain("DIFFERENT")
        .endsWith(inRegistry + " verbs in Breezy's registry: " + shared + " the harness generates (" + shared
            + " classed alike, 0 differently), " + (inRegistry - shared)
            + " it does not know; 1 of the harness's own not in Breezy's registry\n");
    assertThat(out.lines().count()).isEqualTo(inRegistry + 1 + 3);
  }

  @Test
  void marksABreezyThatClassesAVerbOtherwiseAndExitsOne() throws Exception {
    InstalledBreezy.require();
    Path copy = BreezyCopy.of(dir.resolve("copy"));
    BreezyCopy.patch(copy, "bzr/smart/request.py", "'AppendRequest', info='mutate')", "'AppendRequest', info='idem')");

    assertThat(Main.run("verbs", "--breezy", copy.toString())).isEqualTo(VerbsCommand.DIFFERENT);

    assertThat(console.out()).contains("(" + copy.resolve("breezy") + ")")
        .containsPattern("\nappend +idem +mutate +DIFFERENT: the harness judges this verb by another class than Breezy's\n")
        .contains("(14 classed alike, 1 differently)");
  }

  @Test
  void refusesADirectoryWithoutBreezyInOneLine() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    assertThat(Main.run("verbs", "--breezy", empty.toString())).isEqualTo(2);

    assertThat(console.err()).startsWith("cutpoint verbs: --breezy: " + empty + ": holds no breezy package");
    assertThat(console.err().strip()).doesNotContain("\n");
    assertThat(console.out()).isEmpty();
  }
}
