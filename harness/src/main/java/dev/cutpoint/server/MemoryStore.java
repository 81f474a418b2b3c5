package dev.cutpoint.server;

import dev.cutpoint.history.EntryType;
import dev.cutpoint.history.StateEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A store in memory, for speed: a sorted map from path to file content or directory. */
public final class MemoryStore implements Store {

  /** Directories report the size a fresh ext4 directory has, as {@code stat} on disk would. */
  private static final long DIRECTORY_SIZE = 4096;

  private record Entry(Node node, byte[] content) {}

  private final TreeMap<RelPath, Entry> entries = new TreeMap<>();

  @Override
  public Optional<Node> lookup(RelPath path) {
    if (path.isRoot()) {
      return Optional.of(new Node(EntryType.DIRECTORY, DIRECTORY_SIZE, Node.DEFAULT_DIRECTORY_MODE));
    }
    return Optional.ofNullable(entries.get(path)).map(Entry::node);
  }

  @Override
  public byte[] readFile(RelPath path) {
    return entries.get(path).content().clone();
  }

  @Override
  public List<String> children(RelPath path) {
    List<String> names = new ArrayList<>();
    for (RelPath candidate : entries.keySet()) {
      if (candidate.parent().filter(path::equals).isPresent()) {
        names.add(candidate.name());
      }
    }
    names.sort(null);
    return names;
  }

  @Override
  public void writeAtomically(RelPath path, byte[] content, int mode) {
    entries.put(path, file(content, mode));
  }

  @Override
  public void writeInPlace(RelPath path, byte[] content, int mode) {
    entries.put(path, file(content, mode));
  }

  @Override
  public void appendTo(RelPath path, byte[] content, int mode) {
    Entry old = entries.get(path);
    if (old == null) {
      entries.put(path, file(content, mode));
      return;
    }
    byte[] joined = Arrays.copyOf(old.content(), Math.addExact(old.content().length, content.length));
    System.arraycopy(content, 0, joined, old.content().length, content.length);
    entries.put(path, owned(joined, old.node().mode()));
  }

  @Override
  public void createDirectory(RelPath path, int mode) {
    entries.put(path, new Entry(new Node(EntryType.DIRECTORY, DIRECTORY_SIZE, mode), new byte[0]));
  }

  @Override
  public void removeDirectory(RelPath path) {
    entries.remove(path);
  }

  @Override
  public void removeFile(RelPath path) {
    entries.remove(path);
  }

  @Override
  public void move(RelPath from, RelPath to) {
    entries.remove(to);
    Map<RelPath, Entry> moved = new TreeMap<>();
    for (Map.Entry<RelPath, Entry> e : List.copyOf(entries.entrySet())) {
      if (e.getKey().startsWith(from)) {
        List<String> rest = e.getKey().segments().subList(from.segments().size(), e.getKey().segments().size());
        List<String> target = new ArrayList<>(to.segments());
        target.addAll(rest);
        moved.put(new RelPath(target), e.getValue());
        entries.remove(e.getKey());
      }
    }
    entries.putAll(moved);
  }

  @Override
  public void writeAll(List<FileWrite> writes) {
    // Vfs has checked every write before; a map put cannot fail half-way
    writes.forEach(w -> entries.put(w.path(), owned(w.content().toByteArray(), Node.DEFAULT_FILE_MODE)));
  }

  @Override
  public List<StateEntry> snapshot() {
    List<StateEntry> state = new ArrayList<>();
    entries.forEach((path, entry) -> state.add(entry.node().isDirectory()
        ? StateEntry.directory(path.toString())
        : StateEntry.file(path.toString(), entry.content())));
    return state;
  }

  @Override
  public Map<RelPath, EntryType> paths() {
    Map<RelPath, EntryType> paths = new LinkedHashMap<>();
    entries.forEach((path, entry) -> paths.put(path, entry.node().type()));
    return paths;
  }

  /** A file of a copy of {@code content}: the caller may go on using its array. */
  private static Entry file(byte[] content, int mode) {
    return owned(content.clone(), mode);
  }

  /** A file of {@code content} itself, an array made here that nothing else holds. */
  private static Entry owned(byte[] content, int mode) {
    return new Entry(new Node(EntryType.FILE, content.length, mode), content);
  }
}
