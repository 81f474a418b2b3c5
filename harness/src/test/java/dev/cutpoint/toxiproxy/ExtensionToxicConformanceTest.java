package dev.cutpoint.toxiproxy;

import static dev.cutpoint.toxiproxy.LoopbackUpstream.Mode.ECHO;
import static dev.cutpoint.toxiproxy.LoopbackUpstream.Mode.SINK;
import static eu.rekawek.toxiproxy.model.ToxicDirection.DOWNSTREAM;
import static eu.rekawek.toxiproxy.model.ToxicDirection.UPSTREAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The embedded server's extension toxics (SPEC §4.2), through toxiproxy-java and the HTTP API like
 * any toxic: {@code cutpoint_reset_after} and {@code cutpoint_blackhole_after}, in both directions,
 * at k = 0, 1, inside a chunk (4 of 10), at a chunk's end (5, the first of two chunks), at the
 * stream's end (10) and beyond it (20): the bytes that reach each side, and how each side sees the
 * end. They are the embedded server's own, so this suite always runs on it.
 */
class ExtensionToxicConformanceTest extends ConformanceFixture {
  private static final String STREAM = "0123456789";

  private ToxicExtensions extensions;

  @Override
  @BeforeAll
  void openToxiproxy() throws IOException {
    toxiproxy = ToxiproxyProviders.open(Optional.of("embedded"));
    extensions = toxiproxy.extensions().orElseThrow();
  }

  // ---- cutpoint_reset_after ----

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4, 10})
  void resetAfterUpstreamLetsExactlyKBytesReachTheServerThenResetsBothSides(int k) throws Exception {
    Proxied p = proxyTo(SINK);
    extensions.resetAfter(p.proxy(), "cut", UPSTREAM, k);
    ClientConnection client = connect(p.proxy());
    client.send(STREAM);
    UpstreamConnection server = p.upstreamConnection();
    assertThat(server.awaitEnd(PROMPTLY)).isEqualTo(End.RST);
    assertThat(server.receivedText()).isEqualTo(STREAM.substring(0, k));
    Observation seen = client.readUntilEnd(PROMPTLY);
    assertThat(seen.bytes()).isEmpty();
    assertThat(seen.end()).isEqualTo(End.RST);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4, 10})
  void resetAfterDownstreamLetsExactlyKBytesReachTheClientThenResetsBothSides(int k)
      throws Exception {
    Proxied p = proxyTo(ECHO);
    extensions.resetAfter(p.proxy(), "cut", DOWNSTREAM, k);
    ClientConnection client = connect(p.proxy());
    client.send(STREAM);
    Observation seen = client.readUntilEnd(PROMPTLY);
    assertThat(seen.text()).isEqualTo(STREAM.substring(0, k));
    assertThat(seen.end()).isEqualTo(End.RST);
    UpstreamConnection server = p.upstreamConnection();
    assertThat(server.awaitEnd(PROMPTLY)).isEqualTo(End.RST);
    assertThat(server.receivedText()).isEqualTo(STREAM);
  }

  @Test
  void resetAfterFiresAtAChunksEndWithoutWaitingForTheNextChunk() throws Exception {
    Proxied p = proxyTo(SINK);
    extensions.resetAfter(p.proxy(), "cut", UPSTREAM, 5);
    ClientConnection client = connect(p.proxy());
    client.send("01234");
    UpstreamConnection server = p.upstreamConnection();
    assertThat(server.awaitEnd(PROMPTLY)).isEqualTo(End.RST);
    assertThat(server.receivedText()).isEqualTo("01234");
    assertThat(client.readUntilEnd(PROMPTLY).end()).isEqualTo(End.RST);
  }

  @Test
  void resetAfterCountsAcrossChunks() throws Exception {
    Proxied p = proxyTo(SINK);
    extensions.resetAfter(p.proxy(), "cut", UPSTREAM, 7);
    ClientConnection client = connect(p.proxy());
    client.send("01234");
    UpstreamConnection server = p.upstreamConnection();
    server.awaitBytes(5, PROMPTLY);
    client.send("56789");
    assertThat(server.awaitEnd(PROMPTLY)).isEqualTo(End.RST);
    assertThat(server.receivedText()).isEqualTo("0123456");
  }

  @Test
  void resetAfterBeyondTheStreamLeavesTheLinkAlone() throws Exception {
    Proxied p = proxyTo(ECHO);
    extensions.resetAfter(p.proxy(), "cut", DOWNSTREAM, 20);
    ClientConnection client = connect(p.proxy());
    client.send(STREAM);
    assertThat(client.readExactly(STREAM.length(), PROMPTLY)).asString().isEqualTo(STREAM);
    assertThat(client.readUntilEnd(QUIET).end()).isEqualTo(End.OPEN);
  }

  @Test
  void resetAfterOnALiveLinkCountsFromItsCreationAndStillResets() throws Exception {
    // unlike reset_peer, whose RST needs a link opened while it is present
    Proxied p = proxyTo(SINK);
    ClientConnection client = connect(p.proxy());
    client.send("hello");
    UpstreamConnection server = p.upstreamConnection();
    server.awaitBytes(5, PROMPTLY);
    extensions.resetAfter(p.proxy(), "cut", UPSTREAM, 3);
    client.send("abcdef");
    assertThat(server.awaitEnd(PROMPTLY)).isEqualTo(End.RST);
    assertThat(server.receivedText()).isEqualTo("helloabc");
    assertThat(client.readUntilEnd(PROMPTLY).end()).isEqualTo(End.RST);
  }

  @Test
  void removingResetAfterBeforeItFiresLetsTheLinkFlowAndNewLinksAreUntouched() throws Exception {
    Proxied p = proxyTo(ECHO);
    Toxic cut = extensions.resetAfter(p.proxy(), "cut", DOWNSTREAM, 100);
    ClientConnection client = connect(p.proxy());
    exchange(client, "before");
    cut.remove();
    exchange(client, "after");
    exchange(connect(p.proxy()), "fresh");
  }

  // ---- cutpoint_blackhole_after ----

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4, 10})
  void blackHoleAfterUpstreamLetsExactlyKBytesThroughAndSwallowsTheRestWithTheLinkOpen(int k)
      throws Exception {
    Proxied p = proxyTo(SINK);
    try (BlackHoleMeter.Swallowed swallowed = meter().watch(hole(p))) {
      extensions.blackHoleAfter(p.proxy(), hole(p), UPSTREAM, k);
      ClientConnection client = connect(p.proxy());
      client.send(STREAM);
      assertThat(swallowed.awaitAtLeast(STREAM.length() - k, PROMPTLY)).isTrue();
      UpstreamConnection server = p.upstreamConnection();
      assertThat(server.awaitBytes(k, PROMPTLY)).asString().isEqualTo(STREAM.substring(0, k));
      Observation silence = client.readUntilEnd(QUIET);
      assertThat(silence.bytes()).isEmpty();
      assertThat(silence.end()).isEqualTo(End.OPEN);
      assertThat(server.observation().text()).isEqualTo(STREAM.substring(0, k));
      assertThat(server.observation().end()).isEqualTo(End.OPEN);

      removeClosesTheLinkWithAFin(p, client, server);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4, 10})
  void blackHoleAfterDownstreamLetsExactlyKBytesReachTheClientAndKeepsTheLinkOpen(int k)
      throws Exception {
    Proxied p = proxyTo(ECHO);
    try (BlackHoleMeter.Swallowed swallowed = meter().watch(hole(p))) {
      extensions.blackHoleAfter(p.proxy(), hole(p), DOWNSTREAM, k);
      ClientConnection client = connect(p.proxy());
      client.send(STREAM);
      assertThat(swallowed.awaitAtLeast(STREAM.length() - k, PROMPTLY)).isTrue();
      Observation seen = client.readUntilEnd(QUIET);
      assertThat(seen.text()).isEqualTo(STREAM.substring(0, k));
      assertThat(seen.end()).isEqualTo(End.OPEN);
      UpstreamConnection server = p.upstreamConnection();
      assertThat(server.observation().text()).isEqualTo(STREAM);
      assertThat(server.observation().end()).isEqualTo(End.OPEN);

      removeClosesTheLinkWithAFin(p, client, server);
    }
  }

  @Test
  void blackHoleAfterAChunksEndSwallowsTheNextChunkWhole() throws Exception {
    Proxied p = proxyTo(SINK);
    try (BlackHoleMeter.Swallowed swallowed = meter().watch(hole(p))) {
      extensions.blackHoleAfter(p.proxy(), hole(p), UPSTREAM, 5);
      ClientConnection client = connect(p.proxy());
      client.send("01234");
      UpstreamConnection server = p.upstreamConnection();
      assertThat(server.awaitBytes(5, PROMPTLY)).asString().isEqualTo("01234");
      client.send("56789");
      assertThat(swallowed.awaitAtLeast(5, PROMPTLY)).isTrue();
      assertThat(server.observation().text()).isEqualTo("01234");
      assertThat(server.observation().end()).isEqualTo(End.OPEN);
    }
  }

  @Test
  void blackHoleAfterBeyondTheStreamSwallowsNothingAndRemovingItLetsTheLinkFlowOn()
      throws Exception {
    Proxied p = proxyTo(ECHO);
    Toxic hole = extensions.blackHoleAfter(p.proxy(), "hole", DOWNSTREAM, 20);
    ClientConnection client = connect(p.proxy());
    exchange(client, STREAM);
    hole.remove();
    exchange(client, STREAM); // 20 bytes in all: the limit was never reached, nothing was lost
    exchange(connect(p.proxy()), "fresh");
  }

  // ---- the API ----

  @Test
  void theExtensionsAreListedAndUpdatedLikeAnyToxic() throws Exception {
    Proxied p = proxyTo(SINK);
    extensions.resetAfter(p.proxy(), "cut", UPSTREAM, 7);
    extensions.blackHoleAfter(p.proxy(), "hole", DOWNSTREAM, 0).setToxicity(0.5f);
    assertThat(extensions.all(p.proxy()))
        .extracting(Toxic::toString)
        .containsExactly(
            "cutpoint_reset_after: name=cut, stream=UPSTREAM, bytes=7",
            "cutpoint_blackhole_after: name=hole, stream=DOWNSTREAM, bytes=0");

    RawApi api = new RawApi(toxiproxy.url());
    JsonNode cut = api.get(toxicPath(p.proxy(), "cut")).json();
    assertThat(cut.toString())
        .isEqualTo("{\"attributes\":{\"bytes\":7},\"name\":\"cut\",\"type\":\"cutpoint_reset_after\","
            + "\"stream\":\"upstream\",\"toxicity\":1.0}");
    RawApi.Answer updated = api.post(toxicPath(p.proxy(), "cut"), "{\"attributes\": {\"bytes\": 9}}");
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().get("attributes").get("bytes").longValue()).isEqualTo(9);
  }

  @Test
  void badAttributesGetToxiproxysErrorAnswer() throws Exception {
    Proxied p = proxyTo(SINK);
    RawApi api = new RawApi(toxiproxy.url());
    String toxics = "/proxies/" + p.proxy().getName() + "/toxics";
    assertError(api.post(toxics, "{\"type\": \"cutpoint_reset_after\"}"),
        400, "missing required field: attributes.bytes");
    assertError(api.post(toxics, "{\"type\": \"cutpoint_blackhole_after\", \"attributes\": {}}"),
        400, "missing required field: attributes.bytes");
    assertError(api.post(toxics, "{\"type\": \"cutpoint_reset_after\", \"attributes\": {\"bytes\": -1}}"),
        400, "bad request body: bytes must not be negative, was -1");
    assertError(api.post(toxics, "{\"type\": \"cutpoint_blackhole_after\", \"attributes\": {\"bytes\": \"x\"}}"),
        400, "bad request body");

    extensions.blackHoleAfter(p.proxy(), "hole", UPSTREAM, 3);
    assertError(api.post(toxics + "/hole", "{\"attributes\": {\"bytes\": -5}}"),
        400, "bad request body: bytes must not be negative, was -5");
    assertThat(api.get(toxics + "/hole").json().get("attributes").get("bytes").longValue()).isEqualTo(3);

    assertThatThrownBy(() -> extensions.resetAfter(p.proxy(), "negative", UPSTREAM, -1))
        .isInstanceOf(IOException.class)
        .hasMessage("[400] bad request body: bytes must not be negative, was -1");
  }

  // ---- helpers ----

  /** Removing a black hole that swallows closes the link, as removing timeout does. */
  private void removeClosesTheLinkWithAFin(Proxied p, ClientConnection client, UpstreamConnection server)
      throws Exception {
    extensions.all(p.proxy()).get(0).remove();
    assertThat(client.readUntilEnd(PROMPTLY).end()).isEqualTo(End.FIN);
    assertThat(server.awaitEnd(PROMPTLY)).isEqualTo(End.FIN);
    exchangeOrSink(p, connect(p.proxy()));
  }

  /** A new link after the removal flows whole. */
  private static void exchangeOrSink(Proxied p, ClientConnection fresh) throws Exception {
    fresh.send("fresh");
    UpstreamConnection server = p.upstreamConnection();
    assertThat(server.awaitBytes(5, PROMPTLY)).asString().isEqualTo("fresh");
  }

  private BlackHoleMeter meter() {
    return toxiproxy.blackHoles().orElseThrow();
  }

  /** A black hole's name unique in the process, as the meter wants. */
  private static String hole(Proxied p) {
    return "hole-" + p.proxy().getName();
  }

  private static String toxicPath(Proxy proxy, String toxic) {
    return "/proxies/" + proxy.getName() + "/toxics/" + toxic;
  }

  private static void exchange(ClientConnection client, String text) throws Exception {
    client.send(text);
    assertThat(client.readExactly(text.length(), PROMPTLY)).asString().isEqualTo(text);
  }

  private static void assertError(RawApi.Answer answer, int status, String message) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.json().get("error").textValue()).startsWith(message);
    assertThat(answer.json().get("status").intValue()).isEqualTo(status);
  }
}
