package dev.cutpoint.toxiproxy;

/** How one side of a connection saw it end, if it did. */
enum End {
  /** An orderly close: read returned -1. */
  FIN,
  /** An abortive close: "Connection reset". */
  RST,
  /** Nothing ended within the wait. */
  OPEN
}
