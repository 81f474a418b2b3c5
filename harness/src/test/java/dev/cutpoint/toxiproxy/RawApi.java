package dev.cutpoint.toxiproxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls to a Toxiproxy API, for what toxiproxy-java cannot say or hides. */
final class RawApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A response: status, body, and the body as JSON when it is JSON. */
  record Answer(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  RawApi(URI base) {
    this.base = base;
  }

  Answer get(String path) throws Exception {
    return send(request(path).GET());
  }

  Answer post(String path, String body) throws Exception {
    return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Answer patch(String path, String body) throws Exception {
    return send(request(path).method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
  }

  Answer delete(String path) throws Exception {
    return send(request(path).DELETE());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
  }

  private Answer send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }
}
