package dev.cutpoint.report;

/** Escaping for HTML text and quoted attribute values: every character that could start markup. */
final class Html {
  private Html() {}

  static String text(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** For a value between double quotes; the same escaping, named for where it is used. */
  static String attr(String value) {
    return text(value);
  }

  /** A fragment identifier made of letters, digits and dashes only. */
  static String id(String prefix, String value) {
    StringBuilder out = new StringBuilder(prefix);
    for (char c : value.toCharArray()) {
      out.append(Character.isLetterOrDigit(c) && c < 128 ? c : '-');
    }
    return out.toString();
  }
}
