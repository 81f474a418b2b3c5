package dev.cutpoint.toxiproxy.embedded;

import java.util.Optional;

/**
 * A request the embedded Toxiproxy refuses, with Toxiproxy's HTTP status and message (api.go's
 * error values), so that the API answers exactly what Toxiproxy would.
 */
public final class ToxiproxyException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Toxiproxy's error kinds; the text is Toxiproxy's, the detail follows after ": ". */
  public enum Reason {
    BAD_REQUEST_BODY(400, "bad request body"),
    MISSING_FIELD(400, "missing required field"),
    INVALID_STREAM(400, "stream was invalid, can be either upstream or downstream"),
    INVALID_TOXIC_TYPE(400, "invalid toxic type"),
    PROXY_NOT_FOUND(404, "proxy not found"),
    TOXIC_NOT_FOUND(404, "toxic not found"),
    PROXY_ALREADY_EXISTS(409, "proxy already exists"),
    TOXIC_ALREADY_EXISTS(409, "toxic already exists"),
    /** Not one of Toxiproxy's API errors: a socket error, which Toxiproxy reports as a 500. */
    LISTEN_FAILED(500, "listen tcp"),
    BAD_ADDRESS(500, "address");

    private final int status;
    private final String text;

    Reason(int status, String text) {
      this.status = status;
      this.text = text;
    }

    public int status() {
      return status;
    }

    public String text() {
      return text;
    }
  }

  private final Reason reason;
  private final Optional<String> detail;

  private ToxiproxyException(Reason reason, Optional<String> detail) {
    super(reason.text + detail.map(d -> ": " + d).orElse(""));
    this.reason = reason;
    this.detail = detail;
  }

  public static ToxiproxyException of(Reason reason) {
    return new ToxiproxyException(reason, Optional.empty());
  }

  public static ToxiproxyException of(Reason reason, String detail) {
    return new ToxiproxyException(reason, Optional.of(detail));
  }

  public Reason reason() {
    return reason;
  }

  public Optional<String> detail() {
    return detail;
  }

  public int status() {
    return reason.status;
  }
}
