package dev.cutpoint.verbs;

import static dev.cutpoint.verbs.Verb.RequestBody.BYTES;
import static dev.cutpoint.verbs.Verb.RequestBody.NONE;
import static dev.cutpoint.verbs.Verb.RequestBody.STREAM;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of the verbs the reference server implements (SPEC §3.2), with Breezy 3.3.2's wire
 * names, classes ({@code info=} in {@code request.py}) and argument and response shapes. Each shape
 * was checked against the source and against {@code brz serve --allow-writes} driven by Breezy's
 * {@code _SmartClient}; the notes say where Breezy's answer is surprising.
 */
public final class Verbs {

  private static final String NO_SUCH_FILE = "NoSuchFile";
  private static final String FILE_EXISTS = "FileExists";
  private static final String DIRECTORY_NOT_EMPTY = "DirectoryNotEmpty";
  private static final String PERMISSION_DENIED = "PermissionDenied";
  private static final String GENERIC = "error";

  /** {@code HelloRequest}: the highest protocol version the server speaks. */
  public static final Verb HELLO = new Verb("hello", VerbClass.READ, List.of(), 0, NONE,
      List.of("\"ok\"", "\"2\""), false, List.of(), true);

  /** {@code GetRequest}: the file's bytes as the body; a directory is {@code ReadError}. */
  public static final Verb GET = new Verb("get", VerbClass.READ, List.of("<relpath>"), 1, NONE,
      List.of("\"ok\""), true, List.of(NO_SUCH_FILE, "ReadError", PERMISSION_DENIED, GENERIC), true);

  /** {@code HasRequest}: {@code yes} for a file or a directory. */
  public static final Verb HAS = new Verb("has", VerbClass.READ, List.of("<relpath>"), 1, NONE,
      List.of("\"yes\"|\"no\""), false, List.of(PERMISSION_DENIED, GENERIC), true);

  /** {@code StatRequest}: size and Python 3's {@code oct(st_mode)}, e.g. {@code 0o100644}. */
  public static final Verb STAT = new Verb("stat", VerbClass.READ, List.of("<relpath>"), 1, NONE,
      List.of("\"stat\"", "<size>", "<mode, 0o...>"), false, List.of(NO_SUCH_FILE, PERMISSION_DENIED, GENERIC), true);

  /** {@code ListDirRequest}: the names in the directory (a file is {@code NoSuchFile} in Breezy). */
  public static final Verb LIST_DIR = new Verb("list_dir", VerbClass.READ, List.of("<relpath>"), 1, NONE,
      List.of("\"names\"", "<name>..."), false, List.of(NO_SUCH_FILE, PERMISSION_DENIED, GENERIC), true);

  /**
   * {@code ReadvRequest}: the body lists offsets, one {@code start,length} per line, no trailing
   * newline; the response body is the ranges' bytes concatenated.
   */
  public static final Verb READV = new Verb("readv", VerbClass.READ, List.of("<relpath>"), 1, BYTES,
      List.of("\"readv\""), true, List.of(NO_SUCH_FILE, "ShortReadvError", "ReadError", PERMISSION_DENIED, GENERIC), true);

  /** {@code PutRequest}: atomic; mode is decimal or empty. */
  public static final Verb PUT = new Verb("put", VerbClass.IDEM, List.of("<relpath>", "<mode>"), 2, BYTES,
      List.of("\"ok\""), false, List.of(NO_SUCH_FILE, PERMISSION_DENIED, GENERIC), true);

  /** {@code PutNonAtomicRequest}: {@code T} creates the missing parent (one level only). */
  public static final Verb PUT_NON_ATOMIC = new Verb("put_non_atomic", VerbClass.IDEM,
      List.of("<relpath>", "<mode>", "<create_parent T|F>", "<dir_mode>"), 4, BYTES,
      List.of("\"ok\""), false, List.of(NO_SUCH_FILE, PERMISSION_DENIED, GENERIC), true);

  /** {@code SmartServerBranchRequestLockWrite}: {@code repo_token} is empty for a standalone branch. */
  public static final Verb BRANCH_LOCK_WRITE = new Verb("Branch.lock_write", VerbClass.SEMI,
      List.of("<branch path>", "<branch_token>", "<repo_token>"), 1, NONE,
      List.of("\"ok\"", "<branch_token>", "<repo_token>"), false,
      List.of("LockContention", "TokenMismatch", PERMISSION_DENIED, GENERIC), true);

  /** {@code SmartServerBranchRequestUnlock}: unlocking an unlocked branch is {@code TokenMismatch}. */
  public static final Verb BRANCH_UNLOCK = new Verb("Branch.unlock", VerbClass.SEMI,
      List.of("<branch path>", "<branch_token>", "<repo_token>"), 3, NONE,
      List.of("\"ok\""), false, List.of("TokenMismatch", PERMISSION_DENIED, GENERIC), true);

  /** {@code MkdirRequest}. */
  public static final Verb MKDIR = new Verb("mkdir", VerbClass.SEMIVFS, List.of("<relpath>", "<mode>"), 2, NONE,
      List.of("\"ok\""), false, List.of(FILE_EXISTS, NO_SUCH_FILE, PERMISSION_DENIED, GENERIC), true);

  /** {@code RmdirRequest}: a file is {@code NoSuchFile}. */
  public static final Verb RMDIR = new Verb("rmdir", VerbClass.SEMIVFS, List.of("<relpath>"), 1, NONE,
      List.of("\"ok\""), false, List.of(NO_SUCH_FILE, DIRECTORY_NOT_EMPTY, PERMISSION_DENIED, GENERIC), true);

  /** {@code DeleteRequest}: a directory is a generic {@code TransportError}. */
  public static final Verb DELETE = new Verb("delete", VerbClass.SEMIVFS, List.of("<relpath>"), 1, NONE,
      List.of("\"ok\""), false, List.of(NO_SUCH_FILE, PERMISSION_DENIED, GENERIC), true);

  /** {@code RenameRequest}: replaces a file or an empty directory; a non-empty one is {@code DirectoryNotEmpty}. */
  public static final Verb RENAME = new Verb("rename", VerbClass.SEMIVFS, List.of("<rel_from>", "<rel_to>"), 2, NONE,
      List.of("\"ok\""), false, List.of(NO_SUCH_FILE, DIRECTORY_NOT_EMPTY, PERMISSION_DENIED, GENERIC), true);

  /** {@code AppendRequest}: creates a missing file; answers the length before the append. */
  public static final Verb APPEND = new Verb("append", VerbClass.MUTATE, List.of("<relpath>", "<mode>"), 2, BYTES,
      List.of("\"appended\"", "<old length>"), false, List.of(NO_SUCH_FILE, PERMISSION_DENIED, GENERIC), true);

  /**
   * The reference server's own verb: each body part is one file record, the bencoded list
   * {@code [<relpath>, <content>]}; the records are applied all or nothing, each as a {@code put}.
   * The answer counts the records. A stream the client aborts ({@code oE} after the chunks) applies
   * nothing.
   */
  public static final Verb INSERT_STREAM = new Verb("insert_stream", VerbClass.STREAM, List.of(), 0, STREAM,
      List.of("\"ok\"", "<records>"), false,
      List.of(NO_SUCH_FILE, PERMISSION_DENIED, "BadStreamRecord", "StreamAborted", GENERIC), false);

  /** Every verb, in SPEC §3.2's order. */
  public static final List<Verb> ALL = List.of(HELLO, GET, HAS, STAT, LIST_DIR, READV, PUT, PUT_NON_ATOMIC,
      BRANCH_LOCK_WRITE, BRANCH_UNLOCK, MKDIR, RMDIR, DELETE, RENAME, APPEND, INSERT_STREAM);

  private static final Map<String, Verb> BY_NAME =
      ALL.stream().collect(Collectors.toUnmodifiableMap(Verb::name, Function.identity()));

  private Verbs() {}

  public static Optional<Verb> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The verbs of one retry class. */
  public static List<Verb> ofClass(VerbClass verbClass) {
    return ALL.stream().filter(v -> v.verbClass() == verbClass).toList();
  }
}
