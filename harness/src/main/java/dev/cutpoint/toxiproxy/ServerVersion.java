package dev.cutpoint.toxiproxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a Toxiproxy server its version: the liveness check of the external providers. */
final class ServerVersion {
  /**
   * A safety net, not a guess: a refused connection fails at once, and a server that accepts but
   * answers slowly on a loaded machine must not turn into a bad argument.
   */
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  private ServerVersion() {}

  /**
   * The version string; Toxiproxy before 2.7 answered plain text, later versions
   * {@code {"version": "..."}}.
   */
  static String fetch(URI url) throws ToxiproxyUnavailableException {
    HttpRequest request =
        HttpRequest.newBuilder(url.resolve("/version")).timeout(TIMEOUT).GET().build();
    HttpResponse<String> response;
    try {
      response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      // a refused connection has no message: say what was tried and what happened
      throw new ToxiproxyUnavailableException(url, "GET " + request.uri() + " failed with "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToxiproxyUnavailableException(url, "interrupted");
    }
    if (response.statusCode() != 200) {
      throw new ToxiproxyUnavailableException(url, "GET /version answered " + response.statusCode());
    }
    String body = response.body().trim();
    try {
      JsonNode version = new ObjectMapper().readTree(body).path("version");
      return version.isTextual() ? version.textValue() : body;
    } catch (IOException plainText) {
      return body;
    }
  }
}
