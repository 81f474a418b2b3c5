package dev.cutpoint.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cutpoint} command line: one subcommand per use of the harness (SPEC §2). */
@Command(
    name = "cutpoint",
    mixinStandardHelpOptions = true,
    version = CommandSupport.VERSION,
    description = "Fault-injection harness for reconnects in the bzr smart protocol (bug 819604).",
    subcommands = {
      CommandLine.HelpCommand.class,
      ServeCommand.class,
      CallCommand.class,
      ToxiproxyCommand.class,
      BenchCommand.class,
      MatrixCommand.class,
      EnumerateCommand.class,
      ReproduceCommand.class,
      ReplayCommand.class,
      CommandsCommand.class,
      VerbsCommand.class,
      MergeCommand.class,
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code; a bad argument is one line on stderr, exit 2. */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    CommandSupport.everywhere(cli);
    cli.setParameterExceptionHandler(
        (ex, argv) -> {
          ex.getCommandLine().getErr().println("cutpoint: " + ex.getMessage());
          return 2;
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
