package dev.cutpoint.history;

/** What follows a request's arguments on the wire. */
public enum BodyKind {
  /** Arguments only. */
  NONE,
  /** One body part of bytes ({@code put}, {@code append}, {@code readv}'s ranges). */
  BYTES,
  /** A body stream: several body parts from a non-rewindable iterator ({@code insert_stream}). */
  STREAM
}
