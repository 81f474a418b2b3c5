package dev.cutpoint.drive.enumeration;

/**
 * The settings of an enumeration cannot be run, found before any case ran: the user's to change,
 * unlike a failure during the run, which is the harness's.
 */
public final class EnumerationRefusedException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  EnumerationRefusedException(String message) {
    super(message);
  }
}
