package dev.cutpoint.check;

import dev.cutpoint.history.EntryType;
import dev.cutpoint.history.HeldLock;
import dev.cutpoint.history.ServerState;
import dev.cutpoint.history.StateEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The model's server: a tree of directories and files under an implicit root, and the branch
 * locks. Immutable: every change returns a new state.
 */
final class ModelState {

  /** A node of the tree. */
  sealed interface Node permits Directory, File {}

  record Directory() implements Node {}

  record File(FileContent content) implements Node {}

  /** A held branch lock; the token is unknown when the reply that carried it was lost. */
  record Lock(Optional<String> token) {}

  private final SortedMap<ModelPath, Node> nodes;
  private final SortedMap<String, Lock> locks;

  private ModelState(SortedMap<ModelPath, Node> nodes, SortedMap<String, Lock> locks) {
    this.nodes = nodes;
    this.locks = locks;
  }

  /** The model of a recorded state (the case's initial state). */
  static ModelState of(ServerState state) {
    SortedMap<ModelPath, Node> nodes = new TreeMap<>();
    for (StateEntry entry : state.entries()) {
      ModelPath path =
          ModelPath.parse(entry.path())
              .orElseThrow(() -> new IllegalArgumentException("state path outside the root: " + entry.path()));
      nodes.put(
          path,
          entry.type() == EntryType.DIRECTORY
              ? new Directory()
              : new File(
                  entry.content()
                      .map(text -> FileContent.ofBytes(text.getBytes(StandardCharsets.ISO_8859_1)))
                      .orElseGet(() -> FileContent.opaque(entry.digest().orElseThrow()))));
    }
    SortedMap<String, Lock> locks = new TreeMap<>();
    for (HeldLock lock : state.locks().orElse(List.of())) {
      locks.put(lockKey(lock.branchPath()), new Lock(Optional.of(lock.token())));
    }
    return new ModelState(nodes, locks);
  }

  static String lockKey(String branchPath) {
    return ModelPath.parse(branchPath).map(ModelPath::toString).orElse(branchPath);
  }

  boolean exists(ModelPath path) {
    return path.isRoot() || nodes.containsKey(path);
  }

  boolean isDirectory(ModelPath path) {
    return path.isRoot() || nodes.get(path) instanceof Directory;
  }

  Optional<FileContent> file(ModelPath path) {
    return nodes.get(path) instanceof File f ? Optional.of(f.content()) : Optional.empty();
  }

  /** The names directly below a directory. */
  TreeSet<String> children(ModelPath dir) {
    TreeSet<String> names = new TreeSet<>();
    for (ModelPath path : nodes.keySet()) {
      if (path.parts().size() == dir.parts().size() + 1 && path.isWithin(dir)) {
        names.add(path.name());
      }
    }
    return names;
  }

  ModelState withFile(ModelPath path, FileContent content) {
    SortedMap<ModelPath, Node> copy = new TreeMap<>(nodes);
    copy.put(path, new File(content));
    return new ModelState(copy, locks);
  }

  ModelState withDirectory(ModelPath path) {
    SortedMap<ModelPath, Node> copy = new TreeMap<>(nodes);
    copy.put(path, new Directory());
    return new ModelState(copy, locks);
  }

  /** Without the path and everything below it. */
  ModelState without(ModelPath path) {
    SortedMap<ModelPath, Node> copy = new TreeMap<>(nodes);
    copy.keySet().removeIf(p -> p.isWithin(path));
    return new ModelState(copy, locks);
  }

  /** The subtree at {@code from} moved to {@code to}, replacing whatever was at {@code to}. */
  ModelState moved(ModelPath from, ModelPath to) {
    SortedMap<ModelPath, Node> copy = new TreeMap<>(nodes);
    copy.keySet().removeIf(p -> p.isWithin(to));
    for (Map.Entry<ModelPath, Node> entry : nodes.entrySet()) {
      if (entry.getKey().isWithin(from)) {
        copy.remove(entry.getKey());
        copy.put(entry.getKey().rebase(from, to), entry.getValue());
      }
    }
    return new ModelState(copy, locks);
  }

  Optional<Lock> lock(String branchPath) {
    return Optional.ofNullable(locks.get(lockKey(branchPath)));
  }

  ModelState locked(String branchPath, Optional<String> token) {
    SortedMap<String, Lock> copy = new TreeMap<>(locks);
    copy.put(lockKey(branchPath), new Lock(token));
    return new ModelState(nodes, copy);
  }

  ModelState unlocked(String branchPath) {
    SortedMap<String, Lock> copy = new TreeMap<>(locks);
    copy.remove(lockKey(branchPath));
    return new ModelState(nodes, copy);
  }

  /**
   * How an observed state differs from this model, in words; empty when they agree. Paths inside
   * {@code .bzr} are the target's own (a real branch's control files) and are not compared; locks
   * are compared only when the observed state includes them.
   */
  List<String> differences(ServerState observed) {
    List<String> out = new ArrayList<>();
    SortedMap<ModelPath, StateEntry> seen = new TreeMap<>();
    for (StateEntry entry : observed.entries()) {
      Optional<ModelPath> path = ModelPath.parse(entry.path());
      if (path.isEmpty()) {
        out.add(entry.path() + " lies outside the root");
      } else if (!path.get().inControlDirectory() && !path.get().isRoot()) {
        seen.put(path.get(), entry);
      }
    }
    for (Map.Entry<ModelPath, Node> expected : nodes.entrySet()) {
      if (expected.getKey().inControlDirectory()) {
        continue;
      }
      StateEntry actual = seen.remove(expected.getKey());
      String path = expected.getKey().toString();
      if (actual == null) {
        out.add(path + " is missing; the model has " + describe(expected.getValue()));
      } else if (expected.getValue() instanceof Directory) {
        if (actual.type() != EntryType.DIRECTORY) {
          out.add(path + " is a file; the model has a directory");
        }
      } else if (actual.type() != EntryType.FILE) {
        out.add(path + " is a directory; the model has " + describe(expected.getValue()));
      } else {
        fileDifference(path, ((File) expected.getValue()).content(), actual).ifPresent(out::add);
      }
    }
    for (StateEntry extra : seen.values()) {
      out.add(extra.path() + " exists (" + describeObserved(extra) + "); the model has nothing there");
    }
    observed.locks().ifPresent(held -> lockDifferences(held, out));
    return out;
  }

  private static Optional<String> fileDifference(String path, FileContent expected, StateEntry actual) {
    var actualDigest = actual.digest().orElseThrow();
    // A content mixing an initial digest-only file with appends has no digest: compare lengths.
    boolean same =
        expected.digest().map(actualDigest::equals).orElse(expected.length() == actualDigest.length());
    if (same) {
      return Optional.empty();
    }
    return Optional.of(
        path + " holds " + describeObserved(actual) + "; the model has " + expected.describe() + " ("
            + expected.length() + " bytes)");
  }

  private void lockDifferences(List<HeldLock> held, List<String> out) {
    SortedMap<String, String> actual = new TreeMap<>();
    held.forEach(l -> actual.put(lockKey(l.branchPath()), l.token()));
    for (Map.Entry<String, Lock> expected : locks.entrySet()) {
      String token = actual.remove(expected.getKey());
      if (token == null) {
        out.add("the lock on " + expected.getKey() + " is free; the model holds it");
      } else if (expected.getValue().token().isPresent() && !expected.getValue().token().get().equals(token)) {
        out.add(
            "the lock on " + expected.getKey() + " is held with token " + token + "; the model's token is "
                + expected.getValue().token().get());
      }
    }
    actual.forEach((path, token) -> out.add("the lock on " + path + " is held; the model has it free"));
  }

  private static String describe(Node node) {
    return node instanceof File f ? "a file of " + f.content().describe() : "a directory";
  }

  static String describeObserved(StateEntry entry) {
    if (entry.type() == EntryType.DIRECTORY) {
      return "a directory";
    }
    return entry.content().map(PayloadText::describe).orElse(entry.digest().orElseThrow().length() + " bytes");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ModelState that && nodes.equals(that.nodes) && locks.equals(that.locks);
  }

  @Override
  public int hashCode() {
    return Objects.hash(nodes.keySet(), locks);
  }
}
