package dev.cutpoint.server;

import dev.cutpoint.wire.ByteString;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A path inside the served root, normalised: no empty segment, no {@code .}, no {@code ..}.
 *
 * <p>Client paths are read as Breezy's {@code translate_client_path} reads them: relative to the
 * root, a leading {@code /} meaning the root too (so {@code /etc/passwd} is {@code etc/passwd}
 * under the root, not the host's file), and {@code ..} allowed only while it stays inside the
 * root; climbing above it is refused with Breezy's {@code InvalidURLJoin}.
 */
public record RelPath(List<String> segments) implements Comparable<RelPath> {

  public static final RelPath ROOT = new RelPath(List.of());

  public RelPath {
    segments = List.copyOf(segments);
    for (String segment : segments) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("/")
          || segment.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("not a normalised path segment: '" + segment + "'");
      }
    }
  }

  /** Parses a path as a client sends it. */
  public static RelPath parse(ByteString clientPath) throws VfsError {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(clientPath.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw VfsError.generic("UnicodeDecodeError", "the path is not UTF-8: " + clientPath);
    }
    return parse(text);
  }

  public static RelPath parse(String clientPath) throws VfsError {
    if (clientPath.indexOf('\0') >= 0) {
      throw VfsError.generic("ValueError", "embedded null byte");
    }
    List<String> out = new ArrayList<>();
    for (String segment : clientPath.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (out.isEmpty()) {
          throw VfsError.aboveRoot(clientPath);
        }
        out.remove(out.size() - 1);
      } else {
        out.add(segment);
      }
    }
    return new RelPath(out);
  }

  public boolean isRoot() {
    return segments.isEmpty();
  }

  /** The containing directory; the root has none. */
  public Optional<RelPath> parent() {
    return isRoot() ? Optional.empty() : Optional.of(new RelPath(segments.subList(0, segments.size() - 1)));
  }

  public String name() {
    return isRoot() ? "" : segments.get(segments.size() - 1);
  }

  public RelPath child(String name) {
    List<String> more = new ArrayList<>(segments);
    more.add(name);
    return new RelPath(more);
  }

  /** Whether this path is {@code other} or lies under it. */
  public boolean startsWith(RelPath other) {
    return segments.size() >= other.segments.size() && segments.subList(0, other.segments.size()).equals(other.segments);
  }

  @Override
  public int compareTo(RelPath other) {
    return toString().compareTo(other.toString());
  }

  /** {@code a/b/c}; the root is the empty string (as Breezy names it in errors). */
  @Override
  public String toString() {
    return String.join("/", segments);
  }
}
