package dev.cutpoint.history;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's tree at one moment: every path under the root (relative, {@code /}-separated, no
 * leading {@code ./}), and the branch locks held when the target lets the harness see them
 * (empty when it does not, e.g. {@code brz serve} keeps them inside {@code .bzr}).
 */
public record ServerState(List<StateEntry> entries, Optional<List<HeldLock>> locks) {

  public ServerState {
    entries =
        Objects.requireNonNull(entries, "entries").stream()
            .sorted(Comparator.comparing(StateEntry::path))
            .toList();
    locks =
        Objects.requireNonNull(locks, "locks")
            .map(l -> l.stream().sorted(Comparator.comparing(HeldLock::branchPath)).toList());
    for (int i = 1; i < entries.size(); i++) {
      if (entries.get(i).path().equals(entries.get(i - 1).path())) {
        throw new IllegalArgumentException("path " + entries.get(i).path() + " appears twice");
      }
    }
  }

  /** An empty root whose locks are observed (none held). */
  public static ServerState empty() {
    return new ServerState(List.of(), Optional.of(List.of()));
  }

  public static ServerState of(List<StateEntry> entries, List<HeldLock> locks) {
    return new ServerState(entries, Optional.of(locks));
  }

  /** A state whose locks the harness cannot see. */
  public static ServerState withoutLocks(List<StateEntry> entries) {
    return new ServerState(entries, Optional.empty());
  }

  public Optional<StateEntry> entry(String path) {
    return entries.stream().filter(e -> e.path().equals(path)).findFirst();
  }
}
