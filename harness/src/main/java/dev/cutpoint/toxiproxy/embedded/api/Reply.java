package dev.cutpoint.toxiproxy.embedded.api;

import java.nio.charset.StandardCharsets;

/** An HTTP answer: status, content type, body (empty for 204 and 405). */
record Reply(int status, String contentType, byte[] body) {
  static final String JSON = "application/json";
  static final String TEXT = "text/plain; charset=utf-8";

  static Reply json(int status, byte[] body) {
    return new Reply(status, JSON, body);
  }

  /** Go's http.Error labels the JSON error body as plain text. */
  static Reply error(int status, byte[] body) {
    return new Reply(status, TEXT, body);
  }

  static Reply noContent() {
    return new Reply(204, JSON, new byte[0]);
  }

  static Reply text(int status, String text) {
    return new Reply(status, TEXT, text.getBytes(StandardCharsets.UTF_8));
  }
}
