package dev.cutpoint.history;

/** How a {@link Payload}'s bytes are obtained from its text. */
public enum PayloadForm {
  /** The bytes are expanded deterministically from a unique token and a size. */
  GENERATED,
  /** The bytes are the text itself (e.g. {@code readv}'s ranges "0,4\n8,2"). */
  LITERAL
}
