package dev.cutpoint.server;

import dev.cutpoint.history.StateEntry;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The file verbs' semantics, once for every {@link Store}, as Breezy's {@code LocalTransport}
 * behind {@code brz serve} shows them (checked against Breezy 3.3.2 by driving it with its own
 * client): which condition is which error, and with which path. Not thread-safe: the server calls
 * it under one lock, which also makes the journal's order the order of execution.
 */
final class Vfs {

  private final Store store;

  Vfs(Store store) {
    this.store = store;
  }

  /** The store itself, for {@link RequestExecutor#reset}, which empties it between cases. */
  Store store() {
    return store;
  }

  boolean has(RelPath path) throws VfsError {
    return store.lookup(path).isPresent();
  }

  /** A directory is {@code ReadError}, as in Breezy. */
  byte[] get(RelPath path) throws VfsError {
    Node node = existing(path);
    if (node.isDirectory()) {
      throw VfsError.readError(path);
    }
    return store.readFile(path);
  }

  Node stat(RelPath path) throws VfsError {
    return existing(path);
  }

  /** A file is {@code NoSuchFile}, as in Breezy (its {@code ENOTDIR} translation). */
  List<String> listDir(RelPath path) throws VfsError {
    if (!existing(path).isDirectory()) {
      throw VfsError.noSuchFile(path);
    }
    return store.children(path);
  }

  /** The bytes of each range in order; a range past the end is {@code ShortReadvError}. */
  byte[] readv(RelPath path, List<long[]> ranges) throws VfsError {
    byte[] content = get(path);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (long[] range : ranges) {
      long start = range[0];
      long length = range[1];
      if (start + length > content.length) {
        throw VfsError.shortReadv(path, start, length, Math.max(0, content.length - start));
      }
      out.write(content, (int) start, (int) length);
    }
    return out.toByteArray();
  }

  void put(RelPath path, byte[] content, OptionalInt mode) throws VfsError {
    requireParentDirectory(path);
    requireNotDirectory(path);
    store.writeAtomically(path, content, mode.orElse(Node.DEFAULT_FILE_MODE));
  }

  /** {@code createParent} makes the missing parent only, as Breezy's one {@code mkdir} does. */
  void putNonAtomic(RelPath path, byte[] content, OptionalInt mode, boolean createParent, OptionalInt dirMode)
      throws VfsError {
    RelPath parent = path.parent().orElseThrow(() -> VfsError.readError(path));
    if (store.lookup(parent).isEmpty() && createParent) {
      requireParentDirectory(parent);
      store.createDirectory(parent, dirMode.orElse(Node.DEFAULT_DIRECTORY_MODE));
    }
    requireParentDirectory(path);
    requireNotDirectory(path);
    store.writeInPlace(path, content, mode.orElse(Node.DEFAULT_FILE_MODE));
  }

  /** The length before appending; a missing file is created. */
  long append(RelPath path, byte[] content, OptionalInt mode) throws VfsError {
    requireParentDirectory(path);
    Optional<Node> node = store.lookup(path);
    if (node.isPresent() && node.get().isDirectory()) {
      throw VfsError.generic("TransportError", "Transport error: Is a directory: '" + path + "'");
    }
    long before = node.map(Node::size).orElse(0L);
    store.appendTo(path, content, mode.orElse(Node.DEFAULT_FILE_MODE));
    return before;
  }

  void mkdir(RelPath path, OptionalInt mode) throws VfsError {
    if (store.lookup(path).isPresent()) {
      throw VfsError.fileExists(path);
    }
    requireParentDirectory(path);
    store.createDirectory(path, mode.orElse(Node.DEFAULT_DIRECTORY_MODE));
  }

  /** A file is {@code NoSuchFile}, as in Breezy. */
  void rmdir(RelPath path) throws VfsError {
    Node node = existing(path);
    if (!node.isDirectory() || path.isRoot()) {
      throw VfsError.noSuchFile(path);
    }
    if (!store.children(path).isEmpty()) {
      throw VfsError.directoryNotEmpty(path);
    }
    store.removeDirectory(path);
  }

  /** A directory is Breezy's generic {@code TransportError}. */
  void delete(RelPath path) throws VfsError {
    if (existing(path).isDirectory()) {
      throw VfsError.generic("TransportError", "Transport error: Is a directory: '" + path + "'");
    }
    store.removeFile(path);
  }

  /** POSIX {@code rename}: replaces a file, or an empty directory with a directory. */
  void rename(RelPath from, RelPath to) throws VfsError {
    Node source = existing(from);
    requireParentDirectory(to);
    if (from.equals(to)) {
      return;
    }
    if (to.startsWith(from) || from.isRoot()) {
      throw VfsError.generic("TransportError", "Transport error: Invalid argument: '" + from + "' -> '" + to + "'");
    }
    Optional<Node> target = store.lookup(to);
    if (target.isPresent()) {
      if (target.get().isDirectory() && !source.isDirectory()) {
        throw VfsError.generic("IsADirectoryError", "Is a directory: '" + from + "' -> '" + to + "'");
      }
      if (!target.get().isDirectory() && source.isDirectory()) {
        throw VfsError.generic("NotADirectoryError", "Not a directory: '" + from + "' -> '" + to + "'");
      }
      if (target.get().isDirectory() && !store.children(to).isEmpty()) {
        throw VfsError.directoryNotEmpty(from);
      }
    }
    store.move(from, to);
  }

  /** Applies every write or none: each is checked as a {@code put} before anything is written. */
  void putAll(List<Store.FileWrite> writes) throws VfsError {
    for (Store.FileWrite write : writes) {
      requireParentDirectory(write.path());
      requireNotDirectory(write.path());
    }
    store.writeAll(writes);
  }

  List<StateEntry> snapshot() throws VfsError {
    return store.snapshot();
  }

  private Node existing(RelPath path) throws VfsError {
    return store.lookup(path).orElseThrow(() -> VfsError.noSuchFile(path));
  }

  /** {@code path}'s parent must be a directory, else {@code NoSuchFile} naming {@code path}. */
  private void requireParentDirectory(RelPath path) throws VfsError {
    if (path.isRoot()) {
      throw VfsError.fileExists(path);
    }
    Optional<Node> parent = store.lookup(path.parent().orElseThrow());
    if (parent.isEmpty() || !parent.get().isDirectory()) {
      throw VfsError.noSuchFile(path);
    }
  }

  private void requireNotDirectory(RelPath path) throws VfsError {
    Optional<Node> node = store.lookup(path);
    if (node.isPresent() && node.get().isDirectory()) {
      throw VfsError.generic("IsADirectoryError", "Is a directory: '" + path + "'");
    }
  }
}
