package dev.cutpoint.wire;

/** The byte of an {@code o} part: a response's outcome, or the outcome of a body stream. */
public enum Status {
  SUCCESS((byte) 'S'),
  ERROR((byte) 'E');

  private final byte wire;

  Status(byte wire) {
    this.wire = wire;
  }

  public byte wire() {
    return wire;
  }

  /** The status a wire byte stands for, or a {@link ProtocolError} for any other byte. */
  static Status fromWire(byte b, long offset) {
    for (Status status : values()) {
      if (status.wire == b) {
        return status;
      }
    }
    throw new ProtocolError(ProtocolError.Kind.BAD_STATUS, offset, "0x" + Integer.toHexString(b & 0xff));
  }
}
