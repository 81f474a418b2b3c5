package dev.cutpoint.cli;

import dev.cutpoint.toxiproxy.ProxyBenchmark;
import dev.cutpoint.toxiproxy.ToxiproxyChoiceException;
import dev.cutpoint.toxiproxy.ToxiproxyProvider;
import dev.cutpoint.toxiproxy.ToxiproxyProviders;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cutpoint bench}: benchmarks, not timed tests (SPEC §10); one subcommand per part. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure the harness's parts; figures are printed, nothing is asserted.",
    subcommands = {BenchCommand.ProxyBench.class})
public final class BenchCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * {@code cutpoint bench proxy}: what a proxy adds to a connection, beside a direct one in the
   * same run, and what a toxic add+remove costs through toxiproxy-java.
   */
  @Command(
      name = "proxy",
      mixinStandardHelpOptions = true,
      description = "Round trip, throughput and control-plane cost of a Toxiproxy proxy.")
  static final class ProxyBench implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Mixin CommandSupport support;

    @Option(names = "--toxiproxy", paramLabel = "T",
        description = "embedded (default), http://host:port, or a toxiproxy-server binary;"
            + " else -Dcutpoint.toxiproxy, else TOXIPROXY_URL.")
    String toxiproxy;

    @Option(names = "--round-trips", paramLabel = "N", defaultValue = "20000",
        description = "64-byte exchanges each way (default: ${DEFAULT-VALUE}).")
    int roundTrips;

    @Option(names = "--bulk-mib", paramLabel = "M", defaultValue = "256",
        description = "MiB sent one way per bulk run (default: ${DEFAULT-VALUE}).")
    int bulkMib;

    @Option(names = "--toxic-cycles", paramLabel = "K", defaultValue = "2000",
        description = "Toxic add+remove pairs (default: ${DEFAULT-VALUE}).")
    int toxicCycles;

    @Option(names = "--toxic-warm-up", paramLabel = "W", defaultValue = "5000",
        description = "Toxic add+remove pairs before measuring (default: ${DEFAULT-VALUE}).")
    int toxicWarmUp;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      if (roundTrips < 10 || bulkMib < 1 || toxicCycles < 1 || toxicWarmUp < 0) {
        return support.fail("--round-trips must be at least 10, --bulk-mib and --toxic-cycles at least 1,"
            + " --toxic-warm-up at least 0");
      }
      ProxyBenchmark.Settings settings =
          new ProxyBenchmark.Settings(roundTrips, (long) bulkMib << 20, toxicCycles, toxicWarmUp);
      try (ToxiproxyProvider provider = ToxiproxyProviders.open(Optional.ofNullable(toxiproxy))) {
        ProxyBenchmark.run(provider, settings).lines().forEach(out::println);
        out.flush();
        return 0;
      } catch (ToxiproxyChoiceException e) {
        return support.fail(e.getMessage());
      } catch (IOException e) {
        return support.fail(e.getMessage());
      }
    }
  }
}
