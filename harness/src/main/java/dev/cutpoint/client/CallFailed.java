package dev.cutpoint.client;

/**
 * A call that did not produce a successful response. Each subtype carries the facts the oracle
 * needs; failures of earlier attempts of the same call are attached with {@link
 * #addSuppressed(Throwable)}.
 */
public abstract sealed class CallFailed extends Exception
    permits ConnectionLost, CallTimeout, RemoteError {

  private final String verb;

  CallFailed(String verb, String message, Throwable cause) {
    super(message, cause);
    this.verb = verb;
  }

  /** The verb of the failed call. */
  public String verb() {
    return verb;
  }
}
