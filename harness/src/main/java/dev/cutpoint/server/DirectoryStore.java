package dev.cutpoint.server;

import dev.cutpoint.history.EntryType;
import dev.cutpoint.history.StateEntry;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A store in a directory of the host. Every path is checked on its way in: a symbolic link whose
 * target lies outside the root is refused with {@code PermissionDenied} (Breezy's {@code brz serve}
 * follows such links; SPEC §3.3 forbids it).
 */
public final class DirectoryStore implements Store {

  private static final AtomicLong TEMP_COUNTER = new AtomicLong();

  private final Path root;

  /** @param root an existing directory; it is resolved to its real path once, here */
  public DirectoryStore(Path root) throws IOException {
    this.root = root.toRealPath();
    if (!Files.isDirectory(this.root)) {
      throw new NoSuchFileException(root.toString(), null, "not a directory");
    }
  }

  public Path root() {
    return root;
  }

  /** The host path for {@code path}, refusing links out of the root along the way. */
  private Path resolve(RelPath path) throws VfsError {
    Path current = root;
    for (String segment : path.segments()) {
      current = current.resolve(segment);
      if (Files.isSymbolicLink(current)) {
        Path target;
        try {
          target = Files.exists(current) ? current.toRealPath()
              : current.getParent().resolve(Files.readSymbolicLink(current)).normalize();
        } catch (IOException e) {
          throw VfsError.permissionDenied(path, "unreadable symbolic link");
        }
        if (!target.startsWith(root)) {
          throw VfsError.permissionDenied(path, "a symbolic link leads outside the served directory");
        }
      }
    }
    return current;
  }

  @Override
  public Optional<Node> lookup(RelPath path) throws VfsError {
    Path p = resolve(path);
    if (!Files.exists(p)) {
      return Optional.empty();
    }
    try {
      int mode = (Integer) Files.getAttribute(p, "unix:mode") & 07777;
      boolean directory = Files.isDirectory(p);
      return Optional.of(new Node(directory ? EntryType.DIRECTORY : EntryType.FILE, Files.size(p), mode));
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public byte[] readFile(RelPath path) throws VfsError {
    try {
      return Files.readAllBytes(resolve(path));
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public List<String> children(RelPath path) throws VfsError {
    try (Stream<Path> listing = Files.list(resolve(path))) {
      return listing.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public void writeAtomically(RelPath path, byte[] content, int mode) throws VfsError {
    Path target = resolve(path);
    Path temp = writeTemp(target, content, mode);
    try {
      moveAtomically(temp, target);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw failure(e);
    }
  }

  @Override
  public void writeInPlace(RelPath path, byte[] content, int mode) throws VfsError {
    Path target = resolve(path);
    try {
      boolean existed = Files.exists(target);
      Files.write(target, content);
      if (!existed) {
        Files.setPosixFilePermissions(target, permissions(mode));
      }
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public void appendTo(RelPath path, byte[] content, int mode) throws VfsError {
    Path target = resolve(path);
    try {
      boolean existed = Files.exists(target);
      Files.write(target, content, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
      if (!existed) {
        Files.setPosixFilePermissions(target, permissions(mode));
      }
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public void createDirectory(RelPath path, int mode) throws VfsError {
    try {
      Path created = Files.createDirectory(resolve(path));
      Files.setPosixFilePermissions(created, permissions(mode));
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public void removeDirectory(RelPath path) throws VfsError {
    delete(path);
  }

  @Override
  public void removeFile(RelPath path) throws VfsError {
    delete(path);
  }

  private void delete(RelPath path) throws VfsError {
    try {
      Files.delete(resolve(path));
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public void move(RelPath from, RelPath to) throws VfsError {
    try {
      moveAtomically(resolve(from), resolve(to));
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /**
   * Writes every file to a temporary sibling first; then moves each into place, keeping what it
   * replaces aside, so that a failure at any step can put everything back.
   */
  @Override
  public void writeAll(List<FileWrite> writes) throws VfsError {
    List<Path> targets = new ArrayList<>();
    List<Path> temps = new ArrayList<>();
    try {
      for (FileWrite write : writes) {
        Path target = resolve(write.path());
        targets.add(target);
        temps.add(writeTemp(target, write.content().toByteArray(), Node.DEFAULT_FILE_MODE));
      }
    } catch (VfsError e) {
      temps.forEach(DirectoryStore::deleteQuietly);
      throw e;
    }
    List<Path> backups = new ArrayList<>();
    int placed = 0;
    try {
      for (; placed < targets.size(); placed++) {
        Path target = targets.get(placed);
        Path backup = null;
        if (Files.exists(target)) {
          backup = tempBeside(target);
          moveAtomically(target, backup);
        }
        backups.add(backup);
        moveAtomically(temps.get(placed), target);
      }
    } catch (IOException e) {
      rollBack(targets, temps, backups, placed);
      throw failure(e);
    }
    backups.stream().filter(b -> b != null).forEach(DirectoryStore::deleteQuietly);
  }

  private static void rollBack(List<Path> targets, List<Path> temps, List<Path> backups, int placed) {
    for (int i = Math.min(placed, targets.size() - 1); i >= 0; i--) {
      if (i < placed) {
        deleteQuietly(targets.get(i));
      }
      if (i < backups.size() && backups.get(i) != null) {
        try {
          moveAtomically(backups.get(i), targets.get(i));
        } catch (IOException ignored) {
          // the backup stays beside the target, under its temporary name: nothing is lost
        }
      }
    }
    temps.forEach(DirectoryStore::deleteQuietly);
  }

  @Override
  public List<StateEntry> snapshot() throws VfsError {
    List<StateEntry> state = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.filter(p -> !p.equals(root))::iterator) {
        String relative = root.relativize(p).toString().replace('\\', '/');
        state.add(Files.isDirectory(p) ? StateEntry.directory(relative) : StateEntry.file(relative, Files.readAllBytes(p)));
      }
    } catch (IOException e) {
      throw failure(e);
    }
    return state;
  }

  @Override
  public Map<RelPath, EntryType> paths() throws VfsError {
    Map<RelPath, EntryType> paths = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.filter(p -> !p.equals(root))::iterator) {
        RelPath path = RelPath.parse(root.relativize(p).toString().replace('\\', '/'));
        paths.put(path, Files.isDirectory(p) ? EntryType.DIRECTORY : EntryType.FILE);
      }
    } catch (IOException e) {
      throw failure(e);
    }
    return paths;
  }

  private static Path writeTemp(Path target, byte[] content, int mode) throws VfsError {
    Path temp = tempBeside(target);
    try {
      Files.write(temp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      Files.setPosixFilePermissions(temp, permissions(mode));
      return temp;
    } catch (IOException e) {
      deleteQuietly(temp);
      throw failure(e);
    }
  }

  private static Path tempBeside(Path target) {
    return target.resolveSibling("." + target.getFileName() + ".cutpoint-" + ProcessHandle.current().pid() + "-"
        + TEMP_COUNTER.incrementAndGet() + ".tmp");
  }

  private static void moveAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // a stray temporary file is harmless; the failure that led here is what gets reported
    }
  }

  /** An I/O failure Vfs did not foresee: Breezy's generic {@code TransportError}. */
  private static VfsError failure(IOException e) {
    return VfsError.generic("TransportError", "Transport error: " + e);
  }

  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ
    };
    for (int bit = 0; bit < order.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        set.add(order[bit]);
      }
    }
    return set;
  }
}
