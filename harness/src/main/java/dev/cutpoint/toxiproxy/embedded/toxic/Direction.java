package dev.cutpoint.toxiproxy.embedded.toxic;

import java.util.Locale;
import java.util.Optional;

/** Toxiproxy's {@code stream}: upstream carries client→server bytes, downstream server→client. */
public enum Direction {
  UPSTREAM,
  DOWNSTREAM;

  /** The JSON spelling. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Case-insensitive, as Toxiproxy parses it. */
  public static Optional<Direction> parse(String value) {
    for (Direction d : values()) {
      if (d.wireName().equals(value.toLowerCase(Locale.ROOT))) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
