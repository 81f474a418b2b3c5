package dev.cutpoint.history;

import java.util.Objects;

/** Where and how one attempt failed. */
public record AttemptFailure(FailureSite site, ErrorRecord error) {

  public AttemptFailure {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(error, "error");
  }
}
