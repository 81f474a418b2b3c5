package dev.cutpoint.client;

import dev.cutpoint.wire.ByteString;
import java.util.List;

/** What follows a request's arguments: nothing, one body, or a body stream. */
public sealed interface RequestBody {

  /** No body. */
  RequestBody NONE = new Empty();

  static RequestBody of(ByteString bytes) {
    return new Bytes(bytes);
  }

  /**
   * The body of a {@code readv} request: one {@code start,length} line per range, no trailing
   * newline (Breezy's {@code _serialise_offsets}).
   */
  static RequestBody readv(List<Range> ranges) {
    StringBuilder text = new StringBuilder();
    for (Range range : ranges) {
      if (!text.isEmpty()) {
        text.append('\n');
      }
      text.append(range.start()).append(',').append(range.length());
    }
    return new Bytes(ByteString.of(text.toString()));
  }

  static RequestBody stream(BodyStream stream) {
    return new Stream(stream);
  }

  /** No body. */
  record Empty() implements RequestBody {}

  /** One {@code b} part. */
  record Bytes(ByteString bytes) implements RequestBody {}

  /** One {@code b} part per chunk, consumed once. */
  record Stream(BodyStream stream) implements RequestBody {}

  /** A byte range of a file, for {@code readv}. */
  record Range(long start, long length) {
    public Range {
      if (start < 0 || length < 0) {
        throw new IllegalArgumentException("range " + start + "," + length + " is negative");
      }
    }
  }
}
