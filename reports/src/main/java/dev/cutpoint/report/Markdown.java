package dev.cutpoint.report;

import java.util.List;

/** Escaping for GitHub-flavoured Markdown, so that text from a case is shown, never interpreted. */
final class Markdown {
  private static final String SPECIAL = "\\`*_[]<>|~&";

  private Markdown() {}

  /** Plain text inside a paragraph, list item or table cell. */
  static String text(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : Text.oneLine(text).toCharArray()) {
      if (SPECIAL.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** A code span whose fence is longer than any backtick run inside it; pipes escaped for tables. */
  static String code(String text) {
    String fence = "`".repeat(longestBacktickRun(text) + 1);
    String padded = text.startsWith("`") || text.endsWith("`") ? " " + text + " " : text;
    return fence + Text.oneLine(padded).replace("|", "\\|") + fence;
  }

  /** A fenced block of lines, the fence longer than any backtick run inside. */
  static String block(String info, List<String> lines) {
    int longest = lines.stream().mapToInt(Markdown::longestBacktickRun).max().orElse(0);
    String fence = "`".repeat(Math.max(3, longest + 1));
    StringBuilder out = new StringBuilder(fence).append(info).append('\n');
    lines.forEach(line -> out.append(Text.oneLine(line)).append('\n'));
    return out.append(fence).append('\n').toString();
  }

  private static int longestBacktickRun(String text) {
    int longest = 0;
    int run = 0;
    for (char c : text.toCharArray()) {
      run = c == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }
}
