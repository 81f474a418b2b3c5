package dev.cutpoint.server;

import java.util.ArrayList;
import java.util.List;

/**
 * A request that failed on the server, carrying the error response's arguments exactly as
 * Breezy's {@code _translate_error} ({@code breezy/bzr/smart/request.py}) would send them: the
 * error's name first, then its facts. Errors Breezy has no translation for go out as
 * {@code ("error", <exception name>, <message>)}, as Breezy's generic branch does.
 *
 * <p>Breezy puts the server's absolute local path in {@code NoSuchFile} and friends; this server
 * sends the path relative to its root, so that it reveals nothing about the host.
 */
public final class VfsError extends Exception {

  /** What went wrong, in Breezy's vocabulary. */
  public enum Kind {
    NO_SUCH_FILE,
    FILE_EXISTS,
    DIRECTORY_NOT_EMPTY,
    READ_ERROR,
    SHORT_READV,
    PERMISSION_DENIED,
    ABOVE_ROOT,
    LOCK_CONTENTION,
    TOKEN_MISMATCH,
    UNKNOWN_METHOD,
    STREAM_ABORTED,
    BAD_STREAM_RECORD,
    GENERIC
  }

  private final Kind kind;
  private final List<String> errorArgs;

  private VfsError(Kind kind, List<String> errorArgs) {
    super(String.join(" ", errorArgs));
    this.kind = kind;
    this.errorArgs = List.copyOf(errorArgs);
  }

  public Kind kind() {
    return kind;
  }

  /** The error response's arguments: {@code oE} + these. */
  public List<String> errorArgs() {
    return errorArgs;
  }

  public static VfsError noSuchFile(RelPath path) {
    return new VfsError(Kind.NO_SUCH_FILE, List.of("NoSuchFile", path.toString()));
  }

  public static VfsError fileExists(RelPath path) {
    return new VfsError(Kind.FILE_EXISTS, List.of("FileExists", path.toString()));
  }

  public static VfsError directoryNotEmpty(RelPath path) {
    return new VfsError(Kind.DIRECTORY_NOT_EMPTY, List.of("DirectoryNotEmpty", path.toString()));
  }

  /** Reading a directory as a file. */
  public static VfsError readError(RelPath path) {
    return new VfsError(Kind.READ_ERROR, List.of("ReadError", path.toString()));
  }

  /** A readv range past the end; Breezy names the path {@code ./relpath} here. */
  public static VfsError shortReadv(RelPath path, long offset, long length, long actual) {
    return new VfsError(Kind.SHORT_READV, List.of("ShortReadvError", "./" + path, Long.toString(offset),
        Long.toString(length), Long.toString(actual)));
  }

  /** A path that leads out of the served root through a symbolic link. */
  public static VfsError permissionDenied(RelPath path, String why) {
    return new VfsError(Kind.PERMISSION_DENIED, List.of("PermissionDenied", path.toString(), why));
  }

  /** A path whose {@code ..} climbs above the root: Breezy's {@code InvalidURLJoin}. */
  public static VfsError aboveRoot(String clientPath) {
    return new VfsError(Kind.ABOVE_ROOT, List.of("error", "breezy.urlutils.InvalidURLJoin",
        "Invalid URL join request: Cannot go above root: '/' + ('" + clientPath + "',)"));
  }

  public static VfsError lockContention() {
    return new VfsError(Kind.LOCK_CONTENTION, List.of("LockContention"));
  }

  public static VfsError tokenMismatch() {
    return new VfsError(Kind.TOKEN_MISMATCH, List.of("TokenMismatch"));
  }

  public static VfsError unknownMethod(String verb) {
    return new VfsError(Kind.UNKNOWN_METHOD, List.of("UnknownMethod", verb));
  }

  /**
   * The client ended its body stream with {@code oE} (its iterator failed): nothing is applied.
   * Breezy's server ignores that trailer ({@code post_body_error_received} does nothing) and runs
   * the request on the chunks received; this server refuses, naming the client's error arguments.
   */
  public static VfsError streamAborted(List<String> clientErrorArgs) {
    List<String> args = new ArrayList<>(List.of("StreamAborted"));
    args.addAll(clientErrorArgs);
    return new VfsError(Kind.STREAM_ABORTED, args);
  }

  /** An {@code insert_stream} body part that is not a bencoded {@code [path, content]}. */
  public static VfsError badStreamRecord(int index, String why) {
    return new VfsError(Kind.BAD_STREAM_RECORD, List.of("BadStreamRecord", Integer.toString(index), why));
  }

  /** An error Breezy only knows by its exception: {@code ("error", name, message)}. */
  public static VfsError generic(String exceptionName, String message) {
    return new VfsError(Kind.GENERIC, List.of("error", exceptionName, message));
  }
}
