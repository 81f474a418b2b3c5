package dev.cutpoint.toxiproxy;

import java.nio.charset.StandardCharsets;

/** What one side received, and how its connection ended. */
record Observation(byte[] bytes, End end) {
  String text() {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  @Override
  public String toString() {
    return bytes.length + " bytes \"" + (bytes.length > 64 ? text().substring(0, 64) + "…" : text())
        + "\" then " + end;
  }
}
