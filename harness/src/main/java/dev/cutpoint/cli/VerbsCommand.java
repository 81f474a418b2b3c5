package dev.cutpoint.cli;

import dev.cutpoint.drive.breezy.BreezyException;
import dev.cutpoint.drive.breezy.BreezyInstallation;
import dev.cutpoint.drive.breezy.BreezyModule;
import dev.cutpoint.drive.breezy.BreezyRegistry;
import dev.cutpoint.drive.breezy.BreezyTargets;
import dev.cutpoint.verbs.BreezyVerbTable;
import dev.cutpoint.verbs.VerbClass;
import dev.cutpoint.verbs.VerbComparison;
import dev.cutpoint.verbs.VerbComparison.Agreement;
import dev.cutpoint.verbs.Verbs;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code cutpoint verbs}: Breezy's request registry beside the harness's verb classes (SPEC §3.2),
 * one verb a line, each difference marked. Exit 0 when every verb both know has the same class, 1
 * when one differs, 2 for a bad {@code --breezy}, 3 when Breezy cannot be run or read.
 */
@Command(
    name = "verbs",
    mixinStandardHelpOptions = true,
    description = {
      "Print every verb in Breezy's request registry with Breezy's retry class beside the harness's, marking each difference.",
      "Exit 0 when every verb both know is classed alike, 1 when one differs."
    })
public final class VerbsCommand implements Callable<Integer> {

  /** Exit code when Breezy and the harness class a verb differently. */
  static final int DIFFERENT = 1;
  /** Exit code when Breezy cannot be run or its registry read. */
  static final int NO_BREEZY = 3;

  @Mixin CommandSupport support;

  @Mixin BreezyOption breezy;

  @Override
  public Integer call() {
    BreezyInstallation installation;
    try {
      installation = breezy.installation();
    } catch (IllegalArgumentException e) {
      return support.fail(e.getMessage());
    }
    Optional<BreezyModule> found = BreezyTargets.module(installation);
    if (found.isEmpty()) {
      support.fail(BreezyTargets.unavailable(BreezyTargets.CLIENT, installation).orElse("Breezy does not run"));
      return NO_BREEZY;
    }
    BreezyModule module = found.get();
    BreezyVerbTable table;
    try {
      table = BreezyRegistry.of(installation);
    } catch (BreezyException e) {
      support.fail(e.getMessage());
      return NO_BREEZY;
    }
    PrintWriter out = support.command.commandLine().getOut();
    List<VerbComparison> rows = table.compareWith(Verbs.ALL);
    int width = rows.stream().mapToInt(r -> r.verb().length()).max().orElse(4);
    out.println("Breezy " + module.describe() + ": " + table.classes().size()
        + " verbs in breezy.bzr.smart.request.request_handlers");
    out.println(String.format(Locale.ROOT, "%-" + width + "s  %-8s  %-8s", "verb", "breezy", "cutpoint"));
    for (VerbComparison row : rows) {
      out.println(String.format(Locale.ROOT, "%-" + width + "s  %-8s  %-8s  %s", row.verb(), name(row.breezy()),
          name(row.harness()), mark(row.agreement())).stripTrailing());
    }
    long same = count(rows, Agreement.SAME);
    long different = count(rows, Agreement.DIFFERENT);
    out.println(table.classes().size() + " verbs in Breezy's registry: " + (same + different)
        + " the harness generates (" + same + " classed alike, " + different + " differently), "
        + count(rows, Agreement.BREEZY_ONLY) + " it does not know; " + count(rows, Agreement.HARNESS_ONLY)
        + " of the harness's own not in Breezy's registry");
    out.flush();
    return different == 0 ? 0 : DIFFERENT;
  }

  private static String name(Optional<VerbClass> verbClass) {
    return verbClass.map(VerbClass::breezyName).orElse("-");
  }

  private static String mark(Agreement agreement) {
    return switch (agreement) {
      case SAME -> "";
      case DIFFERENT -> "DIFFERENT: the harness judges this verb by another class than Breezy's";
      case BREEZY_ONLY -> "unknown to the harness";
      case HARNESS_ONLY -> "the harness's own, not Breezy's";
    };
  }

  private static long count(List<VerbComparison> rows, Agreement agreement) {
    return rows.stream().filter(r -> r.agreement() == agreement).count();
  }
}
