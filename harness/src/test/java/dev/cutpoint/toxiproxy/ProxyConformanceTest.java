package dev.cutpoint.toxiproxy;

import static dev.cutpoint.toxiproxy.LoopbackUpstream.Mode.ECHO;
import static dev.cutpoint.toxiproxy.LoopbackUpstream.Mode.SINK;
import static eu.rekawek.toxiproxy.model.ToxicDirection.DOWNSTREAM;
import static eu.rekawek.toxiproxy.model.ToxicDirection.UPSTREAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import eu.rekawek.toxiproxy.Proxy;
import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Proxies as a whole: listening, disabling, /reset, /populate, closing (SPEC §4.2). */
class ProxyConformanceTest extends ConformanceFixture {

  @Test
  void aProxyOnPortZeroReportsThePortItGot() throws Exception {
    Proxied p = proxyTo(ECHO);
    assertThat(toxiproxy.endpoint(p.proxy()).getPort()).isPositive();
    exchange(connect(p.proxy()), "hello");
  }

  @Test
  void disablingClosesEveryLinkAndRefusesNewOnesUntilEnabled() throws Exception {
    Proxied p = proxyTo(ECHO);
    ClientConnection client = connect(p.proxy());
    exchange(client, "hello");
    UpstreamConnection server = p.upstreamConnection();

    p.proxy().disable();

    assertThat(p.proxy().isEnabled()).isFalse();
    assertThat(client.readUntilEnd(PROMPTLY).end()).isEqualTo(End.FIN);
    assertThat(server.awaitEnd(PROMPTLY)).isEqualTo(End.FIN);
    assertThatThrownBy(() -> connect(p.proxy())).isInstanceOf(ConnectException.class);

    p.proxy().enable();

    assertThat(p.proxy().isEnabled()).isTrue();
    exchange(connect(p.proxy()), "again");
  }

  @Test
  void aNewUpstreamClosesTheOldLinksAndTakesTheNewOnes() throws Exception {
    Proxied p = proxyTo(ECHO);
    LoopbackUpstream other = closeAfter(new LoopbackUpstream(SINK));
    ClientConnection old = connect(p.proxy());
    exchange(old, "before");

    p.proxy().setUpstream(toxiproxy.upstreamHost() + ":" + other.port());

    assertThat(p.proxy().getUpstream()).endsWith(":" + other.port());
    assertThat(old.readUntilEnd(PROMPTLY).end()).isEqualTo(End.FIN);
    ClientConnection fresh = connect(p.proxy());
    fresh.send("after");
    assertThat(other.nextConnection(PROMPTLY).awaitBytes(5, PROMPTLY)).asString().isEqualTo("after");
  }

  @Test
  void aClientsFinClosesTheWholeLink() throws Exception {
    Proxied p = proxyTo(SINK);
    ClientConnection client = connect(p.proxy());
    client.send("bye");
    UpstreamConnection server = p.upstreamConnection();
    server.awaitBytes(3, PROMPTLY);

    client.shutdownOutput();

    assertThat(server.awaitEnd(PROMPTLY)).isEqualTo(End.FIN);
    sendQuietly(server, "late"); // a half-closing proxy would carry this to the client
    Observation seen = client.readUntilEnd(PROMPTLY);
    assertThat(seen.bytes()).isEmpty();
    assertThat(seen.end()).isEqualTo(End.FIN);
  }

  @Test
  void resetEnablesEveryProxyAndRemovesEveryToxic() throws Exception {
    Proxied first = proxyTo(ECHO);
    Proxied second = proxyTo(ECHO);
    first.proxy().toxics().latency("latency", DOWNSTREAM, 10_000);
    second.proxy().toxics().limitData("limit", UPSTREAM, 1);
    second.proxy().disable();

    assertThat(reset().status()).isEqualTo(204);

    for (Proxied p : List.of(first, second)) {
      Proxy fresh = toxiproxy.client().getProxy(p.proxy().getName());
      assertThat(fresh.isEnabled()).isTrue();
      assertThat(fresh.toxics().getAll()).isEmpty();
      ClientConnection client = connect(fresh);
      long start = System.nanoTime();
      exchange(client, "clean");
      // far below the removed latency, with room for a loaded machine
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }
  }

  @Test
  void resetClosesALinkThatATimeoutBlackHoles() throws Exception {
    Proxied p = proxyTo(ECHO);
    p.proxy().toxics().timeout("hole", UPSTREAM, 0);
    ClientConnection client = connect(p.proxy());
    client.send("lost");
    assertThat(client.readUntilEnd(QUIET).end()).isEqualTo(End.OPEN);

    assertThat(reset().status()).isEqualTo(204);

    assertThat(client.readUntilEnd(PROMPTLY).end()).isEqualTo(End.FIN);
  }

  @Test
  void populateCreatesProxiesThenKeepsTheUnchangedAndReplacesTheChanged() throws Exception {
    RawApi api = new RawApi(toxiproxy.url());
    LoopbackUpstream upstream = closeAfter(new LoopbackUpstream(ECHO));
    LoopbackUpstream other = closeAfter(new LoopbackUpstream(ECHO));
    String a = uniqueName();
    String b = uniqueName();
    String host = toxiproxy.listenHost();
    String to = toxiproxy.upstreamHost() + ":" + upstream.port();

    RawApi.Answer created =
        api.post("/populate", "[" + proxyJson(a, host + ":0", to) + "," + proxyJson(b, host + ":0", to) + "]");

    assertThat(created.status()).isEqualTo(201);
    JsonNode proxies = created.json().get("proxies");
    assertThat(names(proxies)).containsExactly(a, b);
    assertThat(proxies.get(0).get("enabled").booleanValue()).isTrue();
    String listenA = proxies.get(0).get("listen").textValue();
    assertThat(listenA).doesNotEndWith(":0");
    exchange(connect(toxiproxy.client().getProxy(a)), "populated");

    toxiproxy.client().getProxy(a).toxics().latency("kept", DOWNSTREAM, 1);
    String moved = toxiproxy.upstreamHost() + ":" + other.port();
    RawApi.Answer again =
        api.post("/populate", "[" + proxyJson(a, listenA, to) + "," + proxyJson(b, host + ":0", moved) + "]");

    assertThat(again.status()).isEqualTo(201);
    Proxy keptA = toxiproxy.client().getProxy(a);
    assertThat(keptA.getListen()).isEqualTo(listenA);
    assertThat(keptA.toxics().getAll()).extracting(t -> t.getName()).containsExactly("kept");
    Proxy replacedB = toxiproxy.client().getProxy(b);
    assertThat(replacedB.getUpstream()).isEqualTo(moved);
    exchange(connect(replacedB), "moved");
  }

  @Test
  void populateRefusesAProxyWithoutUpstreamAndCreatesNothing() throws Exception {
    RawApi api = new RawApi(toxiproxy.url());
    String a = uniqueName();
    String b = uniqueName();
    RawApi.Answer refused =
        api.post("/populate", "[" + proxyJson(a, "127.0.0.1:0", "127.0.0.1:9") + ",{\"name\":\"" + b + "\"}]");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("error").textValue())
        .isEqualTo("missing required field: upstream at proxy 2");
    assertThat(refused.json().get("status").intValue()).isEqualTo(400);
    assertThat(toxiproxy.client().getProxyOrNull(a)).isNull();
  }

  @Test
  void versionAnswersWithAVersion() throws Exception {
    RawApi.Answer version = new RawApi(toxiproxy.url()).get("/version");
    assertThat(version.status()).isEqualTo(200);
    assertThat(version.json().get("version").textValue()).isNotBlank();
    assertThat(toxiproxy.client().version()).isNotBlank();
  }

  /**
   * POST /reset. Not toxiproxy-java's reset(): that also re-reads every proxy the client object
   * ever made, and fails on the first one since deleted.
   */
  private RawApi.Answer reset() throws Exception {
    return new RawApi(toxiproxy.url()).post("/reset", "");
  }

  private static String proxyJson(String name, String listen, String upstream) {
    return "{\"name\":\"" + name + "\",\"listen\":\"" + listen + "\",\"upstream\":\"" + upstream + "\"}";
  }

  private static List<String> names(JsonNode proxies) {
    List<String> names = new ArrayList<>();
    proxies.forEach(p -> names.add(p.get("name").textValue()));
    return names;
  }

  private static void sendQuietly(UpstreamConnection server, String text) {
    try {
      server.send(text);
    } catch (IOException closedByProxy) {
      // the proxy closed its side already: nothing can reach the client anyway
    }
  }

  private static void exchange(ClientConnection client, String text) throws Exception {
    client.send(text);
    assertThat(client.readExactly(text.length(), PROMPTLY)).asString().isEqualTo(text);
  }
}
