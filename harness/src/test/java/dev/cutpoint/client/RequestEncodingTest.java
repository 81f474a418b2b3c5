package dev.cutpoint.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutpoint.verbs.VerbClass;
import dev.cutpoint.wire.ByteString;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the client puts on the wire is byte for byte what Breezy 3.3.2 sends (the vectors). */
class RequestEncodingTest {

  static Stream<Arguments> requests() {
    return Stream.of(
        Arguments.of("hello request", Request.of("hello", VerbClass.READ, RequestBody.NONE)),
        Arguments.of("get request", Request.of("get", VerbClass.READ, RequestBody.NONE, "dir/a.txt")),
        Arguments.of(
            "put request with body",
            Request.of("put", VerbClass.IDEM, RequestBody.of(ByteString.of("hello world")), "a.txt", "")),
        Arguments.of(
            "append request with body",
            Request.of("append", VerbClass.MUTATE, RequestBody.of(ByteString.of("!!")), "a.txt", "")),
        Arguments.of("mkdir request", Request.of("mkdir", VerbClass.SEMIVFS, RequestBody.NONE, "newdir", "")),
        Arguments.of(
            "body stream request (two chunks)",
            Request.of(
                "Repository.insert_stream_1.19",
                VerbClass.STREAM,
                RequestBody.stream(
                    BodyStream.of(List.of(ByteString.of("chunk-one"), ByteString.of("chunk-two")))),
                "repo/",
                "token")),
        Arguments.of(
            "readv request",
            Request.of(
                "readv",
                VerbClass.READ,
                RequestBody.readv(List.of(new RequestBody.Range(0, 5), new RequestBody.Range(6, 5))),
                "a.txt")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void theClientSendsWhatBreezySends(String vector, Request request) throws Exception {
    byte[] expected = vector(vector);
    try (ScriptedServer server = new ScriptedServer(new ScriptedServer.CloseAfterRequest());
        SmartClient client =
            new SmartClient(
                server.connector(), ClientOptions.defaults().withTimeout(Duration.ofSeconds(10)).withNoRetry(true))) {
      try {
        client.call(request);
      } catch (ConnectionLost expectedAfterTheRequest) {
        // the server closes without answering: only the request's bytes matter here
      }
      assertThat(HexFormat.of().formatHex(server.received(1))).isEqualTo(HexFormat.of().formatHex(expected));
    }
  }

  /** From the test resources' copy of shared/vectors: a fresh clone has no ../shared beside it. */
  private static byte[] vector(String name) throws IOException {
    JsonNode vectors;
    try (InputStream in = RequestEncodingTest.class.getResourceAsStream("/wire-v3.json")) {
      vectors = new ObjectMapper().readTree(in).get("vectors");
    }
    for (JsonNode vector : vectors) {
      if (vector.get("name").asText().equals(name)) {
        return HexFormat.of().parseHex(vector.get("hex").asText());
      }
    }
    throw new AssertionError("no vector named " + name + " in wire-v3.json");
  }
}
