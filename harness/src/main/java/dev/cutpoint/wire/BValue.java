package dev.cutpoint.wire;

/**
 * A bencoded value: a byte string, an integer, a list or a dict (the four types of Breezy's
 * {@code fastbencode}). Every implementation is immutable and compares by content.
 */
public sealed interface BValue permits ByteString, BInt, BList, BDict {

  /** This value as a byte string, or a {@link ProtocolError} saying what it was instead. */
  default ByteString asBytes() {
    if (this instanceof ByteString bytes) {
      return bytes;
    }
    throw new ProtocolError(ProtocolError.Kind.UNEXPECTED_TYPE, -1, "expected a byte string, got " + this);
  }
}
