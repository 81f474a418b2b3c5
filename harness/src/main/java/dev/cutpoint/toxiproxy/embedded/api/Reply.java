package dev.cutpoint.toxiproxy.embedded.api;

import java.nio.charset.StandardCharsets;

/** An HTTP answer: status, content type, body (empty for 204 and 405). */
record Reply(int status, String contentType, byte[] body) {
  static final String JSON = "application/json";

  static Reply json(int status, byte[] body) {
    return new Reply(status, JSON, body);
  }

  static Reply noContent() {
    return new Reply(204, JSON, new byte[0]);
  }

  static Reply text(int status, String text) {
    return new Reply(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }
}
