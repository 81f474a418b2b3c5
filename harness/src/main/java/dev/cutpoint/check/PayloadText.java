package dev.cutpoint.check;

import dev.cutpoint.history.Payload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a small file's content back into the generated payloads that made it ({@link Payload}):
 * each marker {@code [token]} starts a piece that runs to the next marker or the end. A piece
 * shorter than its payload is a body cut short and executed anyway — a partial execution (I1).
 */
final class PayloadText {

  private static final Pattern MARKER = Pattern.compile("\\[([^\\[\\]]+)\\]");

  /** A marker and the length of the piece it starts (marker, filler, and anything up to the next marker). */
  record Piece(String token, int length) {}

  private PayloadText() {}

  static List<Piece> pieces(String content) {
    List<Piece> out = new ArrayList<>();
    Matcher m = MARKER.matcher(content);
    int start = -1;
    String token = null;
    while (m.find()) {
      if (token != null) {
        out.add(new Piece(token, m.start() - start));
      }
      token = m.group(1);
      start = m.start();
    }
    if (token != null) {
      out.add(new Piece(token, content.length() - start));
    }
    return out;
  }

  /** How many times each token's marker occurs. */
  static Map<String, Long> occurrences(String content) {
    return pieces(content).stream().collect(Collectors.groupingBy(Piece::token, Collectors.counting()));
  }

  /** The pieces of known payloads that are shorter than the payload: bodies cut short. */
  static List<Piece> partials(String content, Map<String, Payload> payloadsByToken) {
    return pieces(content).stream()
        .filter(p -> payloadsByToken.containsKey(p.token()))
        .filter(p -> p.length() < payloadsByToken.get(p.token()).size())
        .toList();
  }

  /** In words: the markers in order, or the length when there are none. */
  static String describe(String content) {
    List<Piece> pieces = pieces(content);
    if (pieces.isEmpty()) {
      return content.isEmpty() ? "empty" : content.length() + " bytes without payload markers";
    }
    return pieces.stream().map(p -> "[" + p.token() + "]").collect(Collectors.joining(" "));
  }
}
