package dev.cutpoint.history;

import java.util.Objects;

/** One file record of an {@code insert_stream} body: write {@code payload} at {@code path}. */
public record StreamRecord(String path, Payload payload) {

  public StreamRecord {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(payload, "payload");
  }
}
