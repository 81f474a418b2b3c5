package dev.cutpoint.server;

import dev.cutpoint.history.EntryType;
import dev.cutpoint.history.StateEntry;
import dev.cutpoint.wire.ByteString;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the reference server keeps its files: primitive operations only. The semantics the verbs
 * need (a missing parent is {@code NoSuchFile}, a non-empty directory cannot be removed…) live
 * once in {@link Vfs}, which checks them before calling these, so every store behaves alike.
 * {@link Vfs} serialises all calls; a store need not be thread-safe.
 */
public interface Store {

  /** What is at {@code path}, if anything. Fails with {@code PermissionDenied} for a link leading out of the root. */
  Optional<Node> lookup(RelPath path) throws VfsError;

  byte[] readFile(RelPath path) throws VfsError;

  /** The names in a directory, sorted. */
  List<String> children(RelPath path) throws VfsError;

  /** Writes a file so that a reader sees the old content or the new, never a mix (write, then rename). */
  void writeAtomically(RelPath path, byte[] content, int mode) throws VfsError;

  /** Writes a file in place. */
  void writeInPlace(RelPath path, byte[] content, int mode) throws VfsError;

  /** Appends to a file, creating it with {@code mode} if it does not exist. */
  void appendTo(RelPath path, byte[] content, int mode) throws VfsError;

  void createDirectory(RelPath path, int mode) throws VfsError;

  void removeDirectory(RelPath path) throws VfsError;

  void removeFile(RelPath path) throws VfsError;

  /** Moves {@code from} to {@code to}, replacing a file or an empty directory there. */
  void move(RelPath from, RelPath to) throws VfsError;

  /** Writes every file or none: on a failure, whatever was written is undone. */
  void writeAll(List<FileWrite> writes) throws VfsError;

  /** Every path under the root, sorted, with file contents: the state the oracle compares. */
  List<StateEntry> snapshot() throws VfsError;

  /**
   * Every path under the root with its type, parents before children, without reading a file:
   * what a reset needs, without the cost of digesting contents it is about to delete.
   */
  Map<RelPath, EntryType> paths() throws VfsError;

  /** One file of {@link #writeAll}. */
  record FileWrite(RelPath path, ByteString content) {}
}
