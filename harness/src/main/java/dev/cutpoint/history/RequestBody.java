package dev.cutpoint.history;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request's body as recorded: nothing, one payload of bytes, or a stream of file records (one
 * body part each on the wire).
 */
public record RequestBody(BodyKind kind, Optional<Payload> bytes, List<StreamRecord> records) {

  public RequestBody {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(bytes, "bytes");
    records = List.copyOf(Objects.requireNonNull(records, "records"));
    boolean consistent =
        switch (kind) {
          case NONE -> bytes.isEmpty() && records.isEmpty();
          case BYTES -> bytes.isPresent() && records.isEmpty();
          case STREAM -> bytes.isEmpty() && !records.isEmpty();
        };
    if (!consistent) {
      throw new IllegalArgumentException(
          "a " + kind + " body has "
              + (kind == BodyKind.BYTES ? "one payload and no records"
                  : kind == BodyKind.STREAM ? "records and no payload" : "neither payload nor records"));
    }
  }

  public static RequestBody none() {
    return new RequestBody(BodyKind.NONE, Optional.empty(), List.of());
  }

  public static RequestBody of(Payload payload) {
    return new RequestBody(BodyKind.BYTES, Optional.of(payload), List.of());
  }

  public static RequestBody stream(List<StreamRecord> records) {
    return new RequestBody(BodyKind.STREAM, Optional.empty(), records);
  }

  /** The body's size in payload bytes (without framing). */
  public long size() {
    return bytes.map(p -> (long) p.size()).orElse(0L)
        + records.stream().mapToLong(r -> r.payload().size()).sum();
  }
}
