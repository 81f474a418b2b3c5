package dev.cutpoint.drive.breezy;

import java.io.IOException;
import java.util.Objects;

/**
 * The exception that ended one attempt of Breezy's client, as a Java exception for the nemesis,
 * which reads an attempt's {@link IOException} as its connection failing (every failure the driver
 * records on an attempt is a connect, send or receive that broke).
 */
public final class BreezyAttemptFailure extends IOException {

  private final AttemptError error;

  BreezyAttemptFailure(AttemptError error) {
    super(Objects.requireNonNull(error, "error").type() + ": " + error.message());
    this.error = error;
  }

  /** What the driver recorded. */
  public AttemptError error() {
    return error;
  }
}
