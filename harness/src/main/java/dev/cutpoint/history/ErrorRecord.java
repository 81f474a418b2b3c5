package dev.cutpoint.history;

import java.util.Objects;

/**
 * A client-side error as recorded: its type's simple name ({@code ConnectionLost},
 * {@code StreamNotRestartable}, {@code CallTimeout}, {@code ProtocolError}, {@code RemoteError}, or
 * a foreign client's own, e.g. Breezy's {@code ConnectionReset}), its message, and what it said
 * about execution.
 */
public record ErrorRecord(String type, String message, MayHaveExecuted mayHaveExecuted) {

  public ErrorRecord {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(mayHaveExecuted, "mayHaveExecuted");
    if (type.isBlank()) {
      throw new IllegalArgumentException("an error record names the error's type");
    }
  }
}
