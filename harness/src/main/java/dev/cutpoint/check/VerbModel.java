package dev.cutpoint.check;

import dev.cutpoint.history.Digest;
import dev.cutpoint.history.Payload;
import dev.cutpoint.history.Request;
import dev.cutpoint.history.StreamRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * What each verb does to the model (SPEC §3.2; Breezy's {@code breezy/bzr/smart/vfs.py} and
 * {@code branch.py}, errors as {@code request._translate_error} names them): for one request and a
 * state, the ways its execution can go. Arguments follow Breezy's order: {@code put(relpath, mode)},
 * {@code put_non_atomic(relpath, mode, create_parent, dir_mode)}, {@code append(relpath, mode)},
 * {@code mkdir(relpath, mode)}, {@code rename(from, to)},
 * {@code Branch.lock_write(branch, branch_token, repo_token)},
 * {@code Branch.unlock(branch, branch_token, repo_token)}; {@code insert_stream} writes each record
 * of its body stream at its path, all or nothing.
 */
final class VerbModel {

  /** Bodies and files the model reads back in full (readv) up to this size. */
  private static final long READ_LIMIT = 16L << 20;

  private VerbModel() {}

  /** The alternatives of executing {@code request} in {@code state}; empty for a verb the model does not know. */
  static Optional<List<Alternative>> apply(ModelState state, Request request) {
    return Optional.ofNullable(
        switch (request.verb()) {
          case "hello" -> only(ReplyMatcher.success("ok", "2"), state);
          case "get" -> onPath(state, request, 0, p -> get(state, p));
          case "has" -> onPath(state, request, 0, p -> only(ReplyMatcher.success(state.exists(p) ? "yes" : "no"), state));
          case "stat" -> onPath(state, request, 0, p -> stat(state, p));
          case "list_dir" -> onPath(state, request, 0, p -> listDir(state, p));
          case "readv" -> onPath(state, request, 0, p -> readv(state, p, request));
          case "put" -> onPath(state, request, 0, p -> put(state, p, body(request), false));
          case "put_non_atomic" -> onPath(
              state, request, 0, p -> put(state, p, body(request), "T".equals(argOr(request, 2, "F"))));
          case "append" -> onPath(state, request, 0, p -> append(state, p, body(request)));
          case "mkdir" -> onPath(state, request, 0, p -> mkdir(state, p));
          case "rmdir" -> onPath(state, request, 0, p -> rmdir(state, p));
          case "delete" -> onPath(state, request, 0, p -> delete(state, p));
          case "rename" -> onPath(state, request, 0, from -> onPath(state, request, 1, to -> rename(state, from, to)));
          case "insert_stream" -> insertStream(state, request.body().records());
          case "Branch.lock_write" -> lockWrite(state, request.arg(0), argOr(request, 1, ""));
          case "Branch.unlock" -> unlock(state, request.arg(0), argOr(request, 1, ""));
          default -> null;
        });
  }

  /**
   * The state a reader on another connection can find while an execution of {@code request} is
   * part-way, where that differs from the state before it: Breezy's local transport opens the file
   * (creating it, or truncating it for put_non_atomic, whose missing parent it may make first)
   * before it writes the body (breezy/transport/local.py: append_bytes, _put_non_atomic_helper), so
   * a stat in between finds an empty file. brz serve shows states part-way that this model does not
   * know (not seen so far): a body of megabytes written in part, put_non_atomic's new parent before
   * its file, the temporary file an atomic put writes and then renames (to a list_dir).
   */
  static Optional<ModelState> partWay(ModelState state, Request request) {
    List<Alternative> opened = switch (request.verb()) {
      case "put_non_atomic" -> onPath(
          state, request, 0, p -> put(state, p, FileContent.EMPTY, "T".equals(argOr(request, 2, "F"))));
      case "append" -> onPath(state, request, 0, p -> append(state, p, FileContent.EMPTY));
      default -> List.of();
    };
    return opened.stream().map(Alternative::after).filter(after -> !after.equals(state)).findFirst();
  }

  private interface PathStep {
    List<Alternative> apply(ModelPath path);
  }

  /** Resolves a path argument; one outside the root is refused and changes nothing. */
  private static List<Alternative> onPath(ModelState state, Request request, int position, PathStep step) {
    return ModelPath.parse(request.arg(position))
        .map(step::apply)
        .orElseGet(() -> only(ReplyMatcher.anyError(), state));
  }

  private static String argOr(Request request, int position, String fallback) {
    return position < request.args().size() ? request.args().get(position) : fallback;
  }

  private static FileContent body(Request request) {
    return request.body().bytes().map(FileContent::of).orElse(FileContent.EMPTY);
  }

  private static List<Alternative> only(ReplyMatcher reply, ModelState state) {
    return List.of(Alternative.of(reply, state));
  }

  /** Missing parent: NoSuchFile (ENOENT); a file as parent: Breezy says NoSuchFile too (ENOTDIR), others may not. */
  private static Optional<List<Alternative>> parentProblem(ModelState state, ModelPath path) {
    ModelPath parent = path.parent();
    if (!state.exists(parent)) {
      return Optional.of(only(ReplyMatcher.error("NoSuchFile"), state));
    }
    if (!state.isDirectory(parent)) {
      return Optional.of(only(ReplyMatcher.anyError(), state));
    }
    return Optional.empty();
  }

  private static List<Alternative> get(ModelState state, ModelPath path) {
    if (!state.exists(path)) {
      return only(ReplyMatcher.error("NoSuchFile"), state);
    }
    return state.file(path)
        .map(content -> only(ReplyMatcher.successWithBody(List.of("ok"), content.digest()), state))
        .orElseGet(() -> only(ReplyMatcher.anyError(), state));
  }

  private static List<Alternative> stat(ModelState state, ModelPath path) {
    if (!state.exists(path)) {
      return only(ReplyMatcher.error("NoSuchFile"), state);
    }
    // Breezy's server stats relpath + "/", which a file may refuse: success or an error.
    ReplyMatcher ok =
        state.file(path)
            .map(c -> ReplyMatcher.success("stat", Long.toString(c.length())))
            .orElse(ReplyMatcher.success("stat"));
    return List.of(Alternative.of(ok, state), Alternative.of(ReplyMatcher.anyError(), state));
  }

  private static List<Alternative> listDir(ModelState state, ModelPath path) {
    if (!state.exists(path)) {
      return only(ReplyMatcher.error("NoSuchFile"), state);
    }
    if (!state.isDirectory(path)) {
      return only(ReplyMatcher.anyError(), state);
    }
    return only(ReplyMatcher.names(state.children(path)), state);
  }

  private static List<Alternative> readv(ModelState state, ModelPath path, Request request) {
    if (!state.exists(path)) {
      return only(ReplyMatcher.error("NoSuchFile"), state);
    }
    Optional<FileContent> file = state.file(path);
    if (file.isEmpty()) {
      return only(ReplyMatcher.anyError(), state);
    }
    Optional<byte[]> bytes = file.get().bytes(READ_LIMIT);
    String ranges = request.body().bytes().map(Payload::bytes).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String line : ranges.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split(",");
      long start;
      long length;
      try {
        start = Long.parseLong(parts[0].trim());
        length = Long.parseLong(parts[1].trim());
      } catch (RuntimeException e) {
        return only(ReplyMatcher.anyError(), state);
      }
      if (start < 0 || length < 0 || start + length > file.get().length()) {
        return only(ReplyMatcher.anyError(), state);
      }
      bytes.ifPresent(b -> out.write(b, (int) start, (int) length));
    }
    Optional<Digest> body = bytes.map(b -> Digest.of(out.toByteArray()));
    return only(ReplyMatcher.successWithBody(List.of("readv"), body), state);
  }

  private static List<Alternative> put(ModelState state, ModelPath path, FileContent content, boolean createParent) {
    if (path.isRoot() || state.isDirectory(path)) {
      return only(ReplyMatcher.anyError(), state);
    }
    ModelState base = state;
    if (createParent && !state.exists(path.parent()) && state.isDirectory(path.parent().parent())) {
      // put_non_atomic with create_parent makes the missing parent, one level (Breezy's local transport)
      base = state.withDirectory(path.parent());
    }
    Optional<List<Alternative>> problem = parentProblem(base, path);
    if (problem.isPresent()) {
      return problem.get();
    }
    return only(ReplyMatcher.success("ok"), base.withFile(path, content));
  }

  private static List<Alternative> append(ModelState state, ModelPath path, FileContent content) {
    if (path.isRoot() || state.isDirectory(path)) {
      return only(ReplyMatcher.anyError(), state);
    }
    Optional<List<Alternative>> problem = parentProblem(state, path);
    if (problem.isPresent()) {
      return problem.get();
    }
    FileContent old = state.file(path).orElse(FileContent.EMPTY);
    return only(
        ReplyMatcher.success("appended", Long.toString(old.length())), state.withFile(path, old.append(content)));
  }

  private static List<Alternative> mkdir(ModelState state, ModelPath path) {
    if (state.exists(path)) {
      return only(ReplyMatcher.error("FileExists"), state);
    }
    return parentProblem(state, path)
        .orElseGet(() -> only(ReplyMatcher.success("ok"), state.withDirectory(path)));
  }

  private static List<Alternative> rmdir(ModelState state, ModelPath path) {
    if (path.isRoot()) {
      return only(ReplyMatcher.anyError(), state);
    }
    if (!state.exists(path)) {
      return only(ReplyMatcher.error("NoSuchFile"), state);
    }
    if (!state.isDirectory(path)) {
      return only(ReplyMatcher.anyError(), state);
    }
    if (!state.children(path).isEmpty()) {
      return only(ReplyMatcher.error("DirectoryNotEmpty"), state);
    }
    return only(ReplyMatcher.success("ok"), state.without(path));
  }

  private static List<Alternative> delete(ModelState state, ModelPath path) {
    if (!state.exists(path)) {
      return only(ReplyMatcher.error("NoSuchFile"), state);
    }
    if (state.isDirectory(path)) {
      return only(ReplyMatcher.anyError(), state);
    }
    return only(ReplyMatcher.success("ok"), state.without(path));
  }

  /**
   * Breezy's transport contract: a rename must fail onto a non-empty directory; onto a file or an
   * empty directory it "may either fail or succeed, depending on the underlying transport".
   */
  private static List<Alternative> rename(ModelState state, ModelPath from, ModelPath to) {
    if (from.isRoot() || to.isRoot()) {
      return only(ReplyMatcher.anyError(), state);
    }
    if (!state.exists(from)) {
      return only(ReplyMatcher.error("NoSuchFile"), state);
    }
    if (to.equals(from) && state.isDirectory(to.parent())) {
      // POSIX rename onto itself does nothing and succeeds
      return only(ReplyMatcher.success("ok"), state);
    }
    if (to.isWithin(from)) {
      return only(ReplyMatcher.anyError(), state);
    }
    Optional<List<Alternative>> problem = parentProblem(state, to);
    if (problem.isPresent()) {
      return problem.get();
    }
    if (!state.exists(to)) {
      return only(ReplyMatcher.success("ok"), state.moved(from, to));
    }
    boolean sameKind = state.isDirectory(from) == state.isDirectory(to);
    boolean replaceable = sameKind && (!state.isDirectory(to) || state.children(to).isEmpty());
    if (!replaceable) {
      return only(ReplyMatcher.anyError(), state);
    }
    return List.of(
        Alternative.of(ReplyMatcher.success("ok"), state.moved(from, to)),
        Alternative.of(ReplyMatcher.anyError(), state));
  }

  private static List<Alternative> insertStream(ModelState state, List<StreamRecord> records) {
    ModelState next = state;
    for (StreamRecord record : records) {
      Optional<ModelPath> path = ModelPath.parse(record.path());
      if (path.isEmpty() || path.get().isRoot() || next.isDirectory(path.get())
          || parentProblem(next, path.get()).isPresent()) {
        return only(ReplyMatcher.anyError(), state);
      }
      next = next.withFile(path.get(), FileContent.of(record.payload()));
    }
    // the reference server answers ("ok", number of records)
    return only(ReplyMatcher.success("ok", Integer.toString(records.size())), next);
  }

  /** Breezy's {@code SmartServerBranchRequestLockWrite}: an empty token asks for a new lock. */
  private static List<Alternative> lockWrite(ModelState state, String branch, String token) {
    Optional<ModelState.Lock> held = state.lock(branch);
    if (held.isEmpty()) {
      if (token.isEmpty()) {
        return List.of(new Alternative(ReplyMatcher.success("ok"), state, Optional.of(branch)));
      }
      return only(ReplyMatcher.anyError(), state);
    }
    if (token.isEmpty()) {
      return only(ReplyMatcher.error("LockContention"), state);
    }
    if (held.get().token().isPresent()) {
      return held.get().token().get().equals(token)
          ? only(ReplyMatcher.success("ok", token), state)
          : only(ReplyMatcher.anyError(), state);
    }
    // the held token was never seen: this one may be it (re-lock) or not
    return List.of(
        Alternative.of(ReplyMatcher.success("ok", token), state.locked(branch, Optional.of(token))),
        Alternative.of(ReplyMatcher.anyError(), state));
  }

  /** Breezy's {@code SmartServerBranchRequestUnlock}: the right token frees the lock, any other is a mismatch. */
  private static List<Alternative> unlock(ModelState state, String branch, String token) {
    Optional<ModelState.Lock> held = state.lock(branch);
    if (held.isEmpty()) {
      return only(ReplyMatcher.anyError(), state);
    }
    if (held.get().token().isPresent()) {
      return held.get().token().get().equals(token)
          ? only(ReplyMatcher.success("ok"), state.unlocked(branch))
          : only(ReplyMatcher.anyError(), state);
    }
    return List.of(
        Alternative.of(ReplyMatcher.success("ok"), state.unlocked(branch)),
        Alternative.of(ReplyMatcher.anyError(), state));
  }
}
