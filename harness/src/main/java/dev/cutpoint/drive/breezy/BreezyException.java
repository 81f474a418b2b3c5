package dev.cutpoint.drive.breezy;

/**
 * The harness could not drive Breezy: it is missing, a process would not start, or the driver
 * broke its protocol. Never a call's outcome: what Breezy's client did with a call is data (a
 * {@link CallRecord}), including its exceptions.
 */
public abstract class BreezyException extends RuntimeException {

  protected BreezyException(String message) {
    super(message);
  }

  protected BreezyException(String message, Throwable cause) {
    super(message, cause);
  }
}
