package dev.cutpoint.toxiproxy.embedded.toxic;

/** An extension toxic's attribute out of its range; the API answers it with a 400. */
public final class InvalidAttribute extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  InvalidAttribute(String message) {
    super(message);
  }
}
