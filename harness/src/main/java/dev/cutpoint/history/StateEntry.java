package dev.cutpoint.history;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * One path of the server's tree after a case: a directory, or a file with its digest and — for
 * files up to {@link #SMALL_FILE_LIMIT} bytes — its content, one {@code char} per byte
 * (ISO-8859-1, lossless), so that the unique payloads in it can be read back.
 */
public record StateEntry(String path, EntryType type, Optional<Digest> digest, Optional<String> content) {

  /** Files up to this many bytes carry their content. */
  public static final int SMALL_FILE_LIMIT = 64 * 1024;

  public StateEntry {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(content, "content");
    if (type == EntryType.DIRECTORY && (digest.isPresent() || content.isPresent())) {
      throw new IllegalArgumentException("directory " + path + " has no digest nor content");
    }
    if (type == EntryType.FILE && digest.isEmpty()) {
      throw new IllegalArgumentException("file " + path + " has a digest");
    }
    if (content.isPresent() && content.get().length() != digest.get().length()) {
      throw new IllegalArgumentException("file " + path + "'s content does not have its digest's length");
    }
  }

  public static StateEntry directory(String path) {
    return new StateEntry(path, EntryType.DIRECTORY, Optional.empty(), Optional.empty());
  }

  /** A file, with its content when it is small. */
  public static StateEntry file(String path, byte[] bytes) {
    return new StateEntry(
        path,
        EntryType.FILE,
        Optional.of(Digest.of(bytes)),
        bytes.length <= SMALL_FILE_LIMIT
            ? Optional.of(new String(bytes, StandardCharsets.ISO_8859_1))
            : Optional.empty());
  }

  /** A file text given as a string, e.g. in a hand-written history. */
  public static StateEntry file(String path, String text) {
    return file(path, text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
