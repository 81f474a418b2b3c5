package dev.cutpoint.check;

import dev.cutpoint.history.Digest;
import dev.cutpoint.history.Reply;
import dev.cutpoint.history.ReplyStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reply the model expects of one execution. Success replies are checked on their leading
 * arguments (and, for {@code list_dir}, the remaining names as a set, since the order is the file
 * system's) and their body digest when the model knows it; error replies on the error's name, or
 * on being an error at all where Breezy's name depends on the platform (e.g. deleting a
 * directory).
 */
record ReplyMatcher(
    ReplyStatus status,
    Optional<String> errorName,
    List<String> leadingArgs,
    Optional<Set<String>> restAsSet,
    Optional<Digest> body) {

  private static final Digest EMPTY_BODY = Digest.of(new byte[0]);

  ReplyMatcher {
    leadingArgs = List.copyOf(leadingArgs);
    restAsSet = restAsSet.map(Set::copyOf);
  }

  static ReplyMatcher success(String... leadingArgs) {
    return new ReplyMatcher(ReplyStatus.SUCCESS, Optional.empty(), List.of(leadingArgs), Optional.empty(), Optional.empty());
  }

  static ReplyMatcher successWithBody(List<String> leadingArgs, Optional<Digest> body) {
    return new ReplyMatcher(ReplyStatus.SUCCESS, Optional.empty(), leadingArgs, Optional.empty(), body);
  }

  static ReplyMatcher names(Set<String> names) {
    return new ReplyMatcher(ReplyStatus.SUCCESS, Optional.empty(), List.of("names"), Optional.of(names), Optional.empty());
  }

  static ReplyMatcher error(String name) {
    return new ReplyMatcher(ReplyStatus.ERROR, Optional.of(name), List.of(), Optional.empty(), Optional.empty());
  }

  static ReplyMatcher anyError() {
    return new ReplyMatcher(ReplyStatus.ERROR, Optional.empty(), List.of(), Optional.empty(), Optional.empty());
  }

  boolean matches(Reply reply) {
    if (reply.status() != status) {
      return false;
    }
    if (status == ReplyStatus.ERROR) {
      return errorName.map(name -> name.equals(reply.errorName().orElseThrow())).orElse(true);
    }
    List<String> args = reply.args();
    if (args.size() < leadingArgs.size() || !args.subList(0, leadingArgs.size()).equals(leadingArgs)) {
      return false;
    }
    if (restAsSet.isPresent()
        && !new HashSet<>(args.subList(leadingArgs.size(), args.size())).equals(restAsSet.get())) {
      return false;
    }
    return body.map(expected -> expected.equals(reply.body().orElse(EMPTY_BODY))).orElse(true);
  }

  /** In words, for evidence: {@code success [appended, 0]}, {@code error NoSuchFile}, {@code an error}. */
  String describe() {
    if (status == ReplyStatus.ERROR) {
      return errorName.map(n -> "error " + n).orElse("an error");
    }
    StringBuilder out = new StringBuilder("success ").append(leadingArgs);
    restAsSet.ifPresent(names -> out.append(" with names ").append(new TreeSet<>(names)));
    body.ifPresent(
        d -> out.append(" and a body of ").append(d.length()).append(" bytes (hash ")
            .append(d.hash(), 0, 12).append("…)"));
    return out.toString();
  }

  /** A recorded reply in words, for evidence. */
  static String describe(Reply reply) {
    String head = reply.isSuccess() ? "success " + reply.args() : "error " + reply.args();
    return reply.body()
        .map(d -> head + " and a body of " + d.length() + " bytes (hash " + d.hash().substring(0, 12) + "…)")
        .orElse(head);
  }
}
