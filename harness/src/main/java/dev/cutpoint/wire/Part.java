package dev.cutpoint.wire;

/** One part of a v3 message, between the headers and the terminal {@code e}. */
public sealed interface Part permits Part.StatusByte, Part.Args, Part.Body {

  /** {@code o} + one byte. */
  record StatusByte(Status status) implements Part {}

  /** {@code s} + 4-byte length + a bencoded list: the arguments (or, after a body, error arguments). */
  record Args(BList args) implements Part {}

  /** {@code b} + 4-byte length + bytes: a body, or one chunk of a body stream. */
  record Body(ByteString bytes) implements Part {}
}
