package dev.cutpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Bad arguments to the toxiproxy and bench commands: one line on stderr, exit 2. */
class ToxiproxyCommandTest {

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void aPortOutOfRangeIsRefused() {
    Run run = run("toxiproxy", "--port", "70000");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("cutpoint toxiproxy: --port must be between 0 and 65535, was 70000\n");
  }

  @Test
  void anUnknownProviderNamesTheOptionAndTheAcceptedForms() {
    Run run = run("bench", "proxy", "--toxiproxy", "docker");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().lines()).singleElement().satisfies(line -> assertThat(line)
        .startsWith("cutpoint bench proxy: --toxiproxy: 'docker'")
        .contains("embedded, http://host:port, or the path of a toxiproxy-server binary"));
  }

  @Test
  void benchAloneShowsItsParts() {
    Run run = run("bench");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("proxy");
  }
}
