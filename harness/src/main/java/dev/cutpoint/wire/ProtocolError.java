package dev.cutpoint.wire;

/**
 * Malformed protocol bytes: what was wrong and at which byte. A protocol error is never recovered
 * from by guessing; the connection that produced it is closed (SPEC §3.1).
 *
 * <p>Unchecked, so that it is never mistaken for an {@link java.io.IOException} (a lost
 * connection): the two call for different decisions.
 */
public final class ProtocolError extends RuntimeException {

  /** What was wrong. */
  public enum Kind {
    // bencode (Breezy's fastbencode rejects each of these)
    TRUNCATED("bencoded value ends early"),
    TRAILING_DATA("junk after the bencoded value"),
    BAD_TYPE_BYTE("unknown bencode type byte"),
    BAD_INTEGER("malformed integer"),
    LEADING_ZERO("leading zero"),
    NEGATIVE_ZERO("negative zero"),
    INTEGER_OUT_OF_RANGE("integer beyond 64 bits"),
    BAD_LENGTH("malformed string length"),
    KEYS_NOT_SORTED("dict keys not strictly ascending"),
    KEY_NOT_STRING("dict key is not a byte string"),
    TOO_DEEP("values nested too deeply"),
    // v3 framing and the conventional order of parts
    BAD_VERSION_MARKER("not the protocol v3 version marker"),
    BAD_PART_KIND("unknown message part kind"),
    BAD_STATUS("unknown status byte"),
    HEADERS_NOT_DICT("headers are not a bencoded dict"),
    ARGS_NOT_LIST("arguments are not a bencoded list"),
    UNEXPECTED_PART("message part out of order"),
    PREMATURE_END("message ends before its required parts"),
    MESSAGE_TOO_LARGE("message exceeds the maximum size"),
    UNEXPECTED_TYPE("value of the wrong type"),
    BAD_ARGUMENTS("arguments do not fit the verb");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  private final Kind kind;
  private final long offset;
  private final String detail;

  /**
   * @param offset the byte (from the start of the message or value being decoded) where the
   *     problem was found, or -1 where no byte is to blame
   */
  public ProtocolError(Kind kind, long offset, String detail) {
    super(kind.description() + (offset >= 0 ? " at byte " + offset : "") + (detail.isEmpty() ? "" : ": " + detail));
    this.kind = kind;
    this.offset = offset;
    this.detail = detail;
  }

  public Kind kind() {
    return kind;
  }

  /** The offending byte's offset, or -1. */
  public long offset() {
    return offset;
  }

  public String detail() {
    return detail;
  }

  /** The same error with its offset moved by {@code base} (a value decoded inside a message). */
  ProtocolError shiftedBy(long base) {
    return new ProtocolError(kind, offset < 0 ? base : base + offset, detail);
  }
}
