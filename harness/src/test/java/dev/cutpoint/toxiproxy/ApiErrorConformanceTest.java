package dev.cutpoint.toxiproxy;

import static dev.cutpoint.toxiproxy.LoopbackUpstream.Mode.ECHO;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API's answers, over plain HTTP: Toxiproxy's status codes, its error body
 * {@code {"error": "...", "status": N}} and its JSON shapes.
 */
class ApiErrorConformanceTest extends ConformanceFixture {
  private RawApi api;
  private String proxy;
  private String toxics;

  @BeforeEach
  void aProxy() throws Exception {
    api = new RawApi(toxiproxy.url());
    proxy = proxyTo(ECHO).proxy().getName();
    toxics = "/proxies/" + proxy + "/toxics";
  }

  @Test
  void malformedJsonIsABadRequest() throws Exception {
    assertError(api.post("/proxies", "{\"name\": "), 400, "bad request body");
    assertError(api.post(toxics, "not json"), 400, "bad request body");
    assertError(api.post("/proxies/" + proxy, "["), 400, "bad request body");
  }

  @Test
  void aFieldOfTheWrongTypeIsABadRequest() throws Exception {
    assertError(api.post("/proxies", "{\"name\": 5, \"upstream\": \"x:1\"}"), 400, "bad request body");
    assertError(
        api.post(toxics, "{\"type\": \"latency\", \"attributes\": {\"latency\": \"soon\"}}"),
        400,
        "bad request body");
    assertError(api.post(toxics, "{\"type\": \"latency\", \"toxicity\": \"all\"}"), 400, "bad request body");
  }

  @Test
  void anUnknownToxicTypeIsABadRequest() throws Exception {
    assertError(api.post(toxics, "{\"type\": \"gremlin\"}"), 400, "invalid toxic type");
    assertError(api.post(toxics, "{}"), 400, "invalid toxic type");
  }

  @Test
  void anUnknownStreamIsABadRequest() throws Exception {
    assertError(
        api.post(toxics, "{\"type\": \"latency\", \"stream\": \"sideways\"}"),
        400,
        "stream was invalid, can be either upstream or downstream");
  }

  @Test
  void aMissingFieldIsABadRequest() throws Exception {
    assertError(api.post("/proxies", "{\"upstream\": \"127.0.0.1:9\"}"), 400, "missing required field: name");
    assertError(api.post("/proxies", "{\"name\": \"" + uniqueName() + "\"}"), 400, "missing required field: upstream");
  }

  @Test
  void anUnknownProxyIsNotFound() throws Exception {
    String missing = "/proxies/" + uniqueName();
    assertError(api.get(missing), 404, "proxy not found");
    assertError(api.post(missing, "{\"enabled\": false}"), 404, "proxy not found");
    assertError(api.delete(missing), 404, "proxy not found");
    assertError(api.get(missing + "/toxics"), 404, "proxy not found");
    assertError(api.post(missing + "/toxics", "{\"type\": \"latency\"}"), 404, "proxy not found");
  }

  @Test
  void anUnknownToxicIsNotFound() throws Exception {
    assertError(api.get(toxics + "/nothing"), 404, "toxic not found");
    assertError(api.post(toxics + "/nothing", "{\"toxicity\": 0.5}"), 404, "toxic not found");
    assertError(api.delete(toxics + "/nothing"), 404, "toxic not found");
  }

  @Test
  void aNameInUseIsAConflict() throws Exception {
    String json = "{\"name\": \"" + proxy + "\", \"listen\": \"127.0.0.1:0\", \"upstream\": \"127.0.0.1:9\"}";
    assertError(api.post("/proxies", json), 409, "proxy already exists");
    assertThat(api.post(toxics, "{\"name\": \"t\", \"type\": \"latency\"}").status()).isEqualTo(200);
    assertError(api.post(toxics, "{\"name\": \"t\", \"type\": \"timeout\"}"), 409, "toxic already exists");
  }

  @Test
  void aProxyShowsItsFieldsAndToxicsInToxiproxysShape() throws Exception {
    RawApi.Answer shown = api.get("/proxies/" + proxy);
    assertThat(shown.status()).isEqualTo(200);
    // "Logger" is Toxiproxy's own leak of a Go field, matched by the embedded server
    assertThat(fieldNames(shown.json()))
        .containsExactly("name", "listen", "upstream", "enabled", "Logger", "toxics");
    assertThat(shown.json().get("toxics").isArray()).isTrue();
    RawApi.Answer all = api.get("/proxies");
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.json().get(proxy).get("name").textValue()).isEqualTo(proxy);
  }

  @Test
  void aToxicIsCreatedWithToxiproxysDefaultsAndShape() throws Exception {
    RawApi.Answer created = api.post(toxics, "{\"type\": \"latency\"}");
    assertThat(created.status()).isEqualTo(200);
    JsonNode toxic = created.json();
    assertThat(fieldNames(toxic)).containsExactly("attributes", "name", "type", "stream", "toxicity");
    assertThat(toxic.get("name").textValue()).isEqualTo("latency_downstream");
    assertThat(toxic.get("stream").textValue()).isEqualTo("downstream");
    assertThat(toxic.get("toxicity").doubleValue()).isEqualTo(1.0);
    assertThat(toxic.get("attributes").get("latency").longValue()).isZero();
    assertThat(toxic.get("attributes").get("jitter").longValue()).isZero();
  }

  @Test
  void anUpdateChangesOnlyWhatItNames() throws Exception {
    api.post(toxics, "{\"name\": \"l\", \"type\": \"latency\", \"attributes\": {\"latency\": 5, \"jitter\": 2}}");
    RawApi.Answer patched = api.patch(toxics + "/l", "{\"attributes\": {\"latency\": 7}}");
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().get("attributes").get("latency").longValue()).isEqualTo(7);
    assertThat(patched.json().get("attributes").get("jitter").longValue()).isEqualTo(2);
    RawApi.Answer posted = api.post(toxics + "/l", "{\"toxicity\": 0.5}");
    assertThat(posted.json().get("toxicity").doubleValue()).isEqualTo(0.5);
    assertThat(posted.json().get("attributes").get("latency").longValue()).isEqualTo(7);
  }

  @Test
  void deletingAnswersNoContent() throws Exception {
    api.post(toxics, "{\"name\": \"t\", \"type\": \"slicer\", \"stream\": \"upstream\"}");
    assertThat(api.get(toxics).json()).hasSize(1);
    assertThat(api.delete(toxics + "/t").status()).isEqualTo(204);
    assertThat(api.get(toxics).json()).isEmpty();
    assertThat(api.delete("/proxies/" + proxy).status()).isEqualTo(204);
    assertThat(api.get("/proxies/" + proxy).status()).isEqualTo(404);
  }

  @Test
  void anUnknownPathIsNotFound() throws Exception {
    assertThat(api.get("/nowhere").status()).isEqualTo(404);
    assertThat(api.get("/proxies/" + proxy + "/toxics/t/more").status()).isEqualTo(404);
  }

  private static void assertError(RawApi.Answer answer, int status, String message) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    JsonNode json = answer.json();
    assertThat(fieldNames(json)).containsExactly("error", "status");
    assertThat(json.get("error").textValue()).startsWith(message);
    assertThat(json.get("status").intValue()).isEqualTo(status);
  }

  private static List<String> fieldNames(JsonNode json) {
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
