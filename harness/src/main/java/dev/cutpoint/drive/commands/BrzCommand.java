package dev.cutpoint.drive.commands;

import java.util.List;
import java.util.Optional;

/**
 * A command a user runs against a remote branch, with the state it starts from and what its right
 * result is. The remote branch is {@code b} on the server; the local side is {@code local} in the
 * case's directory.
 */
public enum BrzCommand {
  /** {@code brz branch URL local}: a fresh clone of the remote branch (3 revisions). */
  BRANCH("branch", Remote.ORIGIN, Local.NONE, false),
  /** {@code brz push URL} of a 4-revision branch to where nothing is yet. */
  PUSH_NEW("push-new", Remote.EMPTY, Local.AHEAD, true),
  /** {@code brz push URL} of one more revision (4) onto the remote branch (3). */
  PUSH_MORE("push-more", Remote.ORIGIN, Local.AHEAD, true),
  /** {@code brz pull URL} into a branch one revision behind (2 of 3). */
  PULL("pull", Remote.ORIGIN, Local.BEHIND, false),
  /** {@code brz commit} of a changed file in a checkout bound to the remote branch. */
  COMMIT_BOUND("commit-bound", Remote.ORIGIN, Local.CHECKOUT, true),
  /** {@code brz log URL}: read-only. */
  LOG("log", Remote.ORIGIN, Local.NONE, false),
  /** {@code brz cat URL/f1}: read-only. */
  CAT("cat", Remote.ORIGIN, Local.NONE, false);

  /** What the served directory holds before the command. */
  public enum Remote {
    EMPTY,
    ORIGIN
  }

  /** What the case's {@code local} holds before the command. */
  public enum Local {
    NONE,
    AHEAD,
    BEHIND,
    CHECKOUT
  }

  private final String id;
  private final Remote remote;
  private final Local local;
  private final boolean writesRemote;

  BrzCommand(String id, Remote remote, Local local, boolean writesRemote) {
    this.id = id;
    this.remote = remote;
    this.local = local;
    this.writesRemote = writesRemote;
  }

  public String id() {
    return id;
  }

  public Remote remote() {
    return remote;
  }

  public Local local() {
    return local;
  }

  /** Whether the command changes the remote branch (push, commit): its tip may then be old or new. */
  public boolean writesRemote() {
    return writesRemote;
  }

  /** Whether the command changes nothing anywhere but prints (log, cat). */
  public boolean readOnly() {
    return local == Local.NONE && this != BRANCH;
  }

  /** The arguments after {@code brz}, run in the case's directory; {@code branchUrl} ends in "/b". */
  public List<String> arguments(String branchUrl) {
    return switch (this) {
      case BRANCH -> List.of("branch", "-q", branchUrl, "local");
      case PUSH_NEW, PUSH_MORE -> List.of("push", "-q", "-d", "local", branchUrl);
      case PULL -> List.of("pull", "-q", "-d", "local", branchUrl);
      case COMMIT_BOUND -> List.of("commit", "-q", "-m", "cutpoint: one more revision", "local");
      case LOG -> List.of("log", "--line", branchUrl);
      case CAT -> List.of("cat", branchUrl + "/f1");
    };
  }

  /** The command named {@code id}, e.g. {@code push-new}. */
  public static Optional<BrzCommand> named(String id) {
    for (BrzCommand command : values()) {
      if (command.id.equals(id)) {
        return Optional.of(command);
      }
    }
    return Optional.empty();
  }
}
