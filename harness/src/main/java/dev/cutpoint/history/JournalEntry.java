package dev.cutpoint.history;

import java.util.Objects;

/**
 * One request the server executed (SPEC §3.3), in the order it executed them: the server's own name
 * for the connection, the verb, the hash ({@link Digest}) of the request's full bytes as received (the key to
 * {@link Request#hash()}), and the response it produced.
 */
public record JournalEntry(long order, String connectionId, String verb, String requestHash, Reply result) {

  public JournalEntry {
    Objects.requireNonNull(connectionId, "connectionId");
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(requestHash, "requestHash");
    Objects.requireNonNull(result, "result");
    if (order < 0) {
      throw new IllegalArgumentException("order must be >= 0, was " + order);
    }
  }
}
