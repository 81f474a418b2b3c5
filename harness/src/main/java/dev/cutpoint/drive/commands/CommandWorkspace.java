package dev.cutpoint.drive.commands;

import dev.cutpoint.drive.breezy.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The small generated history the commands work on, made once with local {@code brz} commands and
 * copied per case: {@code origin} (3 revisions, one new file each, contents unique to the run),
 * {@code remote} (origin without a working tree: what is served), {@code behind} (2 of them),
 * {@code ahead} (a 4th) and {@code checkout} (a heavyweight checkout of origin, bound per case to
 * the served branch).
 */
final class CommandWorkspace {

  private final BrzProcesses brz;
  private final Path templates;
  private final String unique;

  private CommandWorkspace(BrzProcesses brz, Path templates, String unique) {
    this.brz = brz;
    this.templates = templates;
    this.unique = unique;
  }

  /** Makes the templates (a second or two of local brz commands). */
  static CommandWorkspace create(BrzProcesses brz, long seed) throws IOException {
    Path templates = brz.home().resolve("templates");
    Files.createDirectories(templates);
    CommandWorkspace workspace = new CommandWorkspace(brz, templates, Long.toHexString(seed));
    workspace.make();
    return workspace;
  }

  private void make() throws IOException {
    step(templates, "init", "-q", "origin");
    Path origin = templates.resolve("origin");
    for (int revision = 1; revision <= 3; revision++) {
      commitNewFile(origin, revision);
    }
    step(templates, "branch", "-q", "--no-tree", "origin", "remote");
    step(templates, "branch", "-q", "-r", "2", "origin", "behind");
    step(templates, "branch", "-q", "origin", "ahead");
    commitNewFile(templates.resolve("ahead"), 4);
    step(templates, "checkout", "-q", "origin", "checkout");
  }

  private void commitNewFile(Path branch, int revision) throws IOException {
    String file = "f" + revision;
    Files.writeString(branch.resolve(file), "cutpoint " + unique + " revision " + revision + "\n");
    step(branch, "add", "-q", file);
    step(branch, "commit", "-q", "-m", "revision " + revision + " adds " + file);
  }

  private void step(Path directory, String... arguments) throws IOException {
    BrzRun run = brz.run(List.of(arguments), directory);
    if (!run.succeeded()) {
      throw new CommandHarnessError("making the history: brz " + String.join(" ", arguments)
          + " failed with " + run.exitCode() + ": " + run.stderrTail());
    }
  }

  /** The contents {@code brz cat URL/f1} must print. */
  String firstFile() {
    return "cutpoint " + unique + " revision 1\n";
  }

  /**
   * Puts the command's starting state in place: the served directory's branch {@code b}, and the
   * case directory's {@code local}.
   */
  void prepare(BrzCommand command, Path served, Path caseDirectory, String branchUrl, int caseNumber)
      throws IOException {
    Trees.empty(served);
    if (command.remote() == BrzCommand.Remote.ORIGIN) {
      Trees.copy(templates.resolve("remote"), served.resolve("b"));
    }
    Path local = caseDirectory.resolve("local");
    switch (command.local()) {
      case NONE -> { }
      case AHEAD -> Trees.copy(templates.resolve("ahead"), local);
      case BEHIND -> Trees.copy(templates.resolve("behind"), local);
      case CHECKOUT -> {
        Trees.copy(templates.resolve("checkout"), local);
        Files.writeString(local.resolve(".bzr/branch/branch.conf"),
            "bound_location = " + branchUrl + "/\nbound = True\n");
        Files.writeString(local.resolve("f1"),
            "cutpoint " + unique + " changed in case " + caseNumber + "\n");
      }
    }
  }

  /** The tip of the branch at {@code branch} ("revno revision-id"), empty when there is none. */
  static Optional<String> tip(Path branch) {
    Path file = branch.resolve(".bzr/branch/last-revision");
    try {
      return Files.exists(file)
          ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The locks left held at {@code bzrdir} (branch, repository), as paths relative to it. */
  static List<String> heldLocks(Path bzrdir) {
    List<String> held = new ArrayList<>();
    for (String lock : List.of(".bzr/branch/lock/held", ".bzr/repository/lock/held")) {
      if (Files.isDirectory(bzrdir.resolve(lock))) {
        held.add(lock.substring(0, lock.length() - "/held".length()));
      }
    }
    return held;
  }
}
