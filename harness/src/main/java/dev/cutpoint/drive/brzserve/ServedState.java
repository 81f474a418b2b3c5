package dev.cutpoint.drive.brzserve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@code brz serve}'s directory holds after a case: the witness of the state-only oracle
 * (SPEC §7: the target has no journal, so unique payloads in the final state tell which writes
 * ran). Paths are relative to the served root, separated by {@code /}; the root itself is not
 * listed. Only directories and regular files are recorded: the VFS verbs create nothing else.
 *
 * @param directories every directory under the root
 * @param files every regular file under the root, with its content
 */
public record ServedState(SortedSet<String> directories, SortedMap<String, byte[]> files) {

  /** Where a branch made by {@link BrzServe#createBranch} keeps its write lock while held. */
  private static final String HELD_LOCK = "/.bzr/branch/lock/held";

  public ServedState {
    directories = Collections.unmodifiableSortedSet(new TreeSet<>(directories));
    TreeMap<String, byte[]> copy = new TreeMap<>();
    files.forEach((path, content) -> copy.put(path, content.clone()));
    files = Collections.unmodifiableSortedMap(copy);
  }

  /** Reads the tree under {@code root}. */
  public static ServedState read(Path root) {
    TreeSet<String> directories = new TreeSet<>();
    TreeMap<String, byte[]> files = new TreeMap<>();
    try (var paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        if (path.equals(root)) {
          continue;
        }
        String relative = root.relativize(path).toString().replace('\\', '/');
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          directories.add(relative);
        } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
          files.put(relative, Files.readAllBytes(path));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the served directory " + root, e);
    }
    return new ServedState(directories, files);
  }

  /** The content of the file at {@code path}, if there is one. */
  public Optional<byte[]> file(String path) {
    return Optional.ofNullable(files.get(path)).map(byte[]::clone);
  }

  /** Whether the branch at {@code branch} (a path under the root) holds its write lock. */
  public boolean branchLocked(String branch) {
    return directories.contains(branch + HELD_LOCK);
  }

  @Override
  public SortedMap<String, byte[]> files() {
    TreeMap<String, byte[]> copy = new TreeMap<>();
    files.forEach((path, content) -> copy.put(path, content.clone()));
    return Collections.unmodifiableSortedMap(copy);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ServedState that)
        || !directories.equals(that.directories)
        || !files.keySet().equals(that.files.keySet())) {
      return false;
    }
    for (Map.Entry<String, byte[]> entry : files.entrySet()) {
      if (!Arrays.equals(entry.getValue(), that.files.get(entry.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = directories.hashCode();
    for (Map.Entry<String, byte[]> entry : files.entrySet()) {
      hash = 31 * hash + (entry.getKey().hashCode() ^ Arrays.hashCode(entry.getValue()));
    }
    return hash;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("ServedState[directories=").append(directories);
    text.append(", files={");
    String separator = "";
    for (Map.Entry<String, byte[]> entry : files.entrySet()) {
      text.append(separator).append(entry.getKey()).append('=').append(entry.getValue().length);
      text.append(" bytes");
      separator = ", ";
    }
    return text.append("}]").toString();
  }
}
