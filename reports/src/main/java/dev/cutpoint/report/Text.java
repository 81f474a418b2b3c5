package dev.cutpoint.report;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Formatting shared by every renderer, so the Markdown, the page and the console say the same thing. */
final class Text {
  private static final int MAX_ARG = 40;

  private Text() {}

  /** {@code 57 B}, {@code 1.5 KiB}, {@code 4.0 MiB}. */
  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    if (n < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024.0));
  }

  /** {@code 3m 12s}, {@code 850 ms}, {@code 2h 05m}. */
  static String duration(Duration d) {
    long seconds = d.toSeconds();
    if (seconds < 1) {
      return d.toMillis() + " ms";
    }
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
  }

  /** {@code 12 345}: thin-space-free grouping that reads the same everywhere. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
  }

  /** {@code java 8, breezy 2}: cases run at once on each target. */
  static String workers(Map<String, Integer> workers) {
    return workers.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }

  static String rate(long cases, Duration duration) {
    double seconds = duration.toMillis() / 1000.0;
    if (seconds <= 0) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.1f cases/s", cases / seconds);
  }

  /**
   * An argument as a quoted literal: control characters escaped, long ones shortened, so that a
   * case's arguments never break a line or a table.
   */
  static String quote(String arg) {
    StringBuilder out = new StringBuilder("\"");
    int shown = 0;
    for (int i = 0; i < arg.length(); ) {
      int cp = arg.codePointAt(i);
      if (shown == MAX_ARG) {
        out.append('…');
        break;
      }
      switch (cp) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (cp < 0x20 || cp == 0x7f || Character.getType(cp) == Character.LINE_SEPARATOR
              || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR) {
            out.append(String.format(Locale.ROOT, "\\u%04x", cp));
          } else {
            out.appendCodePoint(cp);
          }
        }
      }
      shown++;
      i += Character.charCount(cp);
    }
    return out.append('"').toString();
  }

  /** Free text (an error, evidence, a reason) on one line. */
  static String oneLine(String text) {
    return text.replace("\r\n", " ⏎ ").replace('\n', ' ').replace('\r', ' ');
  }

  /** {@code append("log", "")}. */
  static String call(RequestRecord request) {
    return request.verb()
        + request.args().stream().map(Text::quote).collect(Collectors.joining(", ", "(", ")"));
  }

  /** {@code #1 append("log", "") [37 B]}: a request in a list. */
  static String request(RequestRecord request) {
    return "#" + request.index() + " " + call(request)
        + (request.bodyBytes() > 0 ? " [" + bytes(request.bodyBytes()) + "]" : "");
  }

  /** {@code #0 put(…) · #1 append(…)}, shortened after {@code max} requests. */
  static String requests(List<RequestRecord> requests, int max) {
    String shown = requests.stream().limit(max).map(Text::request).collect(Collectors.joining(" · "));
    return requests.size() > max ? shown + " · … (" + requests.size() + " requests)" : shown;
  }
}
