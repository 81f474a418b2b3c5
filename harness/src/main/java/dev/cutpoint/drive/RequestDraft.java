package dev.cutpoint.drive;

import dev.cutpoint.history.BodyKind;
import dev.cutpoint.verbs.VerbClass;
import java.util.List;
import java.util.Objects;

/**
 * A request before it has a place in a sequence: the verb, its class, its arguments, and its body
 * as sizes with a token that stays the request's own when the minimizer drops its neighbours, so
 * that the bytes of the request never change with its position.
 *
 * @param token unique within a case; the payloads' markers are made from it
 * @param bodySizes one size for a {@code BYTES} body, one per record for a {@code STREAM} body
 * @param streamPaths the path of each stream record
 * @param literalBody a body given as text (readv's ranges), used when {@code bodyKind} is BYTES
 *     and {@code bodySizes} is empty
 */
public record RequestDraft(
    String verb,
    VerbClass verbClass,
    List<String> args,
    BodyKind bodyKind,
    String token,
    List<Integer> bodySizes,
    List<String> streamPaths,
    String literalBody) {

  public RequestDraft {
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(verbClass, "verbClass");
    args = List.copyOf(args);
    Objects.requireNonNull(bodyKind, "bodyKind");
    Objects.requireNonNull(token, "token");
    bodySizes = List.copyOf(bodySizes);
    streamPaths = List.copyOf(streamPaths);
    Objects.requireNonNull(literalBody, "literalBody");
    if (bodyKind == BodyKind.STREAM && (bodySizes.isEmpty() || bodySizes.size() != streamPaths.size())) {
      throw new IllegalArgumentException("a stream body has one size per record path");
    }
  }

  /** A request with arguments only. */
  public static RequestDraft plain(String verb, VerbClass verbClass, String... args) {
    return new RequestDraft(verb, verbClass, List.of(args), BodyKind.NONE, "-", List.of(), List.of(), "");
  }

  /** A request whose body is a unique payload of {@code size} bytes. */
  public static RequestDraft withPayload(
      String verb, VerbClass verbClass, String token, int size, String... args) {
    return new RequestDraft(
        verb, verbClass, List.of(args), BodyKind.BYTES, token, List.of(size), List.of(), "");
  }

  /** A request whose body is literal text. */
  public static RequestDraft withText(String verb, VerbClass verbClass, String text, String... args) {
    return new RequestDraft(verb, verbClass, List.of(args), BodyKind.BYTES, "-", List.of(), List.of(), text);
  }

  /** An {@code insert_stream} of one record per path. */
  public static RequestDraft stream(String token, List<String> paths, List<Integer> sizes) {
    return new RequestDraft(
        "insert_stream", VerbClass.STREAM, List.of(), BodyKind.STREAM, token, sizes, paths, "");
  }

  /** The total body size in payload bytes. */
  public long bodySize() {
    return bodySizes.stream().mapToLong(Integer::longValue).sum() + literalBody.length();
  }

  /** The same request with every payload shrunk to at most {@code max} bytes (keeping its marker). */
  public RequestDraft withPayloadsAtMost(int max) {
    int floor = token.length() + 2;
    List<Integer> shrunk =
        bodySizes.stream().map(s -> Math.max(Math.min(s, max), Math.min(s, floor))).toList();
    return new RequestDraft(verb, verbClass, args, bodyKind, token, shrunk, streamPaths, literalBody);
  }
}
