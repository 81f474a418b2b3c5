package dev.cutpoint.drive.breezy;

/**
 * The {@code _SmartClient} method that sends a call (breezy/bzr/smart/client.py:56-108). Which
 * one matters: Breezy resends only while reading the response's arguments
 * ({@code _SmartClientRequest._call}, client.py:189-203); the rest of a response, read after the
 * method returns, is outside that window.
 */
public enum ClientMethod {
  /** {@code call}: arguments only; the response body, if any, is drained and dropped. */
  CALL("call", false, false),
  /** {@code call_expecting_body}, then {@code read_body_bytes}: a response with a body. */
  CALL_EXPECTING_BODY("call_expecting_body", false, true),
  /** {@code call_with_body_bytes}: a request body; the whole response is read in the window. */
  CALL_WITH_BODY_BYTES("call_with_body_bytes", true, false),
  /** {@code call_with_body_bytes_expecting_body}, then {@code read_body_bytes}. */
  CALL_WITH_BODY_BYTES_EXPECTING_BODY("call_with_body_bytes_expecting_body", true, true),
  /** {@code call_with_body_stream}: a request body stream, consumed once. */
  CALL_WITH_BODY_STREAM("call_with_body_stream", false, false);

  private final String pythonName;
  private final boolean takesBody;
  private final boolean returnsBody;

  ClientMethod(String pythonName, boolean takesBody, boolean returnsBody) {
    this.pythonName = pythonName;
    this.takesBody = takesBody;
    this.returnsBody = returnsBody;
  }

  /** The method's name in {@code _SmartClient}, and in the driver's protocol. */
  public String pythonName() {
    return pythonName;
  }

  /** Whether the request carries body bytes. */
  public boolean takesBody() {
    return takesBody;
  }

  /** Whether the response body is read and returned. */
  public boolean returnsBody() {
    return returnsBody;
  }

  /** Whether the request carries a body stream. */
  public boolean takesStream() {
    return this == CALL_WITH_BODY_STREAM;
  }
}
