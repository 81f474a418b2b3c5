package dev.cutpoint.toxiproxy;

import static dev.cutpoint.toxiproxy.LoopbackUpstream.Mode.ECHO;
import static dev.cutpoint.toxiproxy.LoopbackUpstream.Mode.SINK;
import static eu.rekawek.toxiproxy.model.ToxicDirection.DOWNSTREAM;
import static eu.rekawek.toxiproxy.model.ToxicDirection.UPSTREAM;
import static org.assertj.core.api.Assertions.assertThat;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.LimitData;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each toxic in each direction, through toxiproxy-java, against whichever Toxiproxy is configured:
 * the bytes that reach each side and how each side sees the end (SPEC §4.2). Durations are
 * checked only as generous lower bounds.
 */
class ToxicConformanceTest extends ConformanceFixture {

  @ParameterizedTest
  @EnumSource(ToxicDirection.class)
  void latencyDelaysDataButDeliversAllOfIt(ToxicDirection direction) throws Exception {
    Proxied p = proxyTo(ECHO);
    p.proxy().toxics().latency("latency", direction, 200);
    ClientConnection client = connect(p.proxy());
    long start = System.nanoTime();
    client.send("ping");
    assertThat(client.readExactly(4, PROMPTLY)).asString().isEqualTo("ping");
    assertThat(millisSince(start)).isGreaterThanOrEqualTo(150);
    assertThat(client.readUntilEnd(QUIET).end()).isEqualTo(End.OPEN);
  }

  @ParameterizedTest
  @EnumSource(ToxicDirection.class)
  void bandwidthSlowsDataButDeliversAllOfIt(ToxicDirection direction) throws Exception {
    Proxied p = proxyTo(ECHO);
    p.proxy().toxics().bandwidth("bandwidth", direction, 2); // 2 KB/s: 1000 bytes take 500 ms
    ClientConnection client = connect(p.proxy());
    byte[] payload = payload(1000);
    long start = System.nanoTime();
    client.send(payload);
    assertThat(client.readExactly(payload.length, PROMPTLY)).isEqualTo(payload);
    assertThat(millisSince(start)).isGreaterThanOrEqualTo(300);
  }

  @Test
  void slowCloseUpstreamHoldsBackTheCloseTowardsTheServer() throws Exception {
    Proxied p = proxyTo(ECHO);
    p.proxy().toxics().slowClose("slow_close", UPSTREAM, 300);
    ClientConnection client = connect(p.proxy());
    exchange(client, "hi");
    UpstreamConnection server = p.upstreamConnection();
    long start = System.nanoTime();
    client.close();
    assertThat(server.awaitEnd(PROMPTLY)).isEqualTo(End.FIN);
    assertThat(millisSince(start)).isGreaterThanOrEqualTo(250);
  }

  @Test
  void slowCloseDownstreamHoldsBackTheCloseTowardsTheClient() throws Exception {
    Proxied p = proxyTo(ECHO);
    p.proxy().toxics().slowClose("slow_close", DOWNSTREAM, 300);
    ClientConnection client = connect(p.proxy());
    exchange(client, "hi");
    UpstreamConnection server = p.upstreamConnection();
    long start = System.nanoTime();
    server.close();
    assertThat(client.readUntilEnd(PROMPTLY).end()).isEqualTo(End.FIN);
    assertThat(millisSince(start)).isGreaterThanOrEqualTo(250);
  }

  @ParameterizedTest
  @EnumSource(ToxicDirection.class)
  void timeoutZeroBlackHolesUntilRemovedAndRemovingItClosesTheLink(ToxicDirection direction)
      throws Exception {
    Proxied p = proxyTo(ECHO);
    p.proxy().toxics().timeout("timeout", direction, 0);
    ClientConnection client = connect(p.proxy());
    client.send("lost");
    UpstreamConnection server = p.upstreamConnection();
    if (direction == DOWNSTREAM) {
      // the way up is clear: "lost" reaches the server (in its own time), its echo is swallowed
      assertThat(server.awaitBytes(4, PROMPTLY)).asString().isEqualTo("lost");
    }
    Observation silence = client.readUntilEnd(QUIET);
    assertThat(silence.end()).isEqualTo(End.OPEN);
    assertThat(silence.bytes()).isEmpty();
    assertThat(server.receivedText()).isEqualTo(direction == UPSTREAM ? "" : "lost");

    p.proxy().toxics().get("timeout").remove();

    Observation closed = client.readUntilEnd(PROMPTLY);
    assertThat(closed.bytes()).isEmpty();
    assertThat(closed.end()).isEqualTo(End.FIN);
    assertThat(server.awaitEnd(PROMPTLY)).isEqualTo(End.FIN);
  }

  @ParameterizedTest
  @EnumSource(ToxicDirection.class)
  void timeoutClosesTheLinkAfterThatLongWithoutData(ToxicDirection direction) throws Exception {
    Proxied p = proxyTo(ECHO);
    p.proxy().toxics().timeout("timeout", direction, 300);
    ClientConnection client = connect(p.proxy());
    long start = System.nanoTime();
    client.send("x");
    Observation closed = client.readUntilEnd(PROMPTLY);
    assertThat(closed.bytes()).isEmpty();
    assertThat(closed.end()).isEqualTo(End.FIN);
    assertThat(millisSince(start)).isGreaterThanOrEqualTo(250);
    assertThat(p.upstreamConnection().awaitEnd(PROMPTLY)).isEqualTo(End.FIN);
  }

  @Test
  void timeoutsClockStartsAgainWithEveryChunk() throws Exception {
    Proxied p = proxyTo(SINK);
    p.proxy().toxics().timeout("timeout", UPSTREAM, 1_000);
    ClientConnection client = connect(p.proxy());
    long start = System.nanoTime();
    for (int i = 0; i < 7; i++) { // a chunk every 200 ms keeps a 1 s timeout from firing
      client.send("k");
      Observation meanwhile = client.readUntilEnd(Duration.ofMillis(200));
      assertThat(meanwhile.end()).as("closed after %d ms", millisSince(start)).isEqualTo(End.OPEN);
    }
    assertThat(millisSince(start)).isGreaterThan(1_000);
    assertThat(client.readUntilEnd(PROMPTLY).end()).isEqualTo(End.FIN);
    assertThat(p.upstreamConnection().receivedText()).isEmpty();
  }

  @Test
  void slicerUpstreamDeliversEveryByteInOrderInSeveralPieces() throws Exception {
    Proxied p = proxyTo(SINK);
    p.proxy().toxics().slicer("slicer", UPSTREAM, 100, 2_000);
    ClientConnection client = connect(p.proxy());
    byte[] payload = payload(2000);
    client.send(payload);
    UpstreamConnection server = p.upstreamConnection();
    assertThat(server.awaitBytes(payload.length, PROMPTLY)).isEqualTo(payload);
    assertThat(server.reads()).isGreaterThan(1);
  }

  @Test
  void slicerDownstreamDeliversEveryByteInOrderInSeveralPieces() throws Exception {
    Proxied p = proxyTo(ECHO);
    p.proxy().toxics().slicer("slicer", DOWNSTREAM, 100, 2_000);
    ClientConnection client = connect(p.proxy());
    byte[] payload = payload(2000);
    client.send(payload);
    ClientConnection.Pieces pieces = client.readPieces(payload.length, PROMPTLY);
    assertThat(pieces.bytes()).isEqualTo(payload);
    assertThat(pieces.reads()).isGreaterThan(1);
  }

  @Test
  void limitDataUpstreamForwardsExactlyThatManyBytesThenClosesBothSides() throws Exception {
    Proxied p = proxyTo(SINK);
    p.proxy().toxics().limitData("limit", UPSTREAM, 5);
    ClientConnection client = connect(p.proxy());
    client.send("0123456789");
    UpstreamConnection server = p.upstreamConnection();
    assertThat(server.awaitEnd(PROMPTLY)).isEqualTo(End.FIN);
    assertThat(server.receivedText()).isEqualTo("01234");
    assertThat(client.readUntilEnd(PROMPTLY)).satisfies(o -> {
      assertThat(o.bytes()).isEmpty();
      assertThat(o.end()).isEqualTo(End.FIN);
    });
  }

  @Test
  void limitDataDownstreamForwardsExactlyThatManyBytesThenClosesBothSides() throws Exception {
    Proxied p = proxyTo(ECHO);
    p.proxy().toxics().limitData("limit", DOWNSTREAM, 5);
    ClientConnection client = connect(p.proxy());
    client.send("0123456789");
    Observation seen = client.readUntilEnd(PROMPTLY);
    assertThat(seen.text()).isEqualTo("01234");
    assertThat(seen.end()).isEqualTo(End.FIN);
    UpstreamConnection server = p.upstreamConnection();
    assertThat(server.awaitEnd(PROMPTLY)).isEqualTo(End.FIN);
    assertThat(server.receivedText()).isEqualTo("0123456789");
  }

  @Test
  void limitDataOnALiveLinkCountsFromTheToxicsCreation() throws Exception {
    Proxied p = proxyTo(SINK);
    ClientConnection client = connect(p.proxy());
    client.send("0123456789");
    UpstreamConnection server = p.upstreamConnection();
    server.awaitBytes(10, PROMPTLY);
    p.proxy().toxics().limitData("limit", UPSTREAM, 5);
    client.send("abcdefghij");
    assertThat(server.awaitEnd(PROMPTLY)).isEqualTo(End.FIN);
    assertThat(server.receivedText()).isEqualTo("0123456789abcde");
    assertThat(client.readUntilEnd(PROMPTLY).end()).isEqualTo(End.FIN);
  }

  @Test
  void updatingLimitDataKeepsTheCount() throws Exception {
    Proxied p = proxyTo(SINK);
    LimitData limit = p.proxy().toxics().limitData("limit", UPSTREAM, 8);
    ClientConnection client = connect(p.proxy());
    client.send("01234");
    UpstreamConnection server = p.upstreamConnection();
    server.awaitBytes(5, PROMPTLY);
    limit.setBytes(10);
    client.send("abcdefghij");
    assertThat(server.awaitEnd(PROMPTLY)).isEqualTo(End.FIN);
    assertThat(server.receivedText()).isEqualTo("01234abcde");
  }

  @Test
  void addingAnotherToxicKeepsTheLimitDataCount() throws Exception {
    Proxied p = proxyTo(SINK);
    p.proxy().toxics().limitData("limit", UPSTREAM, 8);
    ClientConnection client = connect(p.proxy());
    client.send("01234");
    UpstreamConnection server = p.upstreamConnection();
    server.awaitBytes(5, PROMPTLY);
    p.proxy().toxics().latency("latency", UPSTREAM, 0);
    client.send("abcdefghij");
    assertThat(server.awaitEnd(PROMPTLY)).isEqualTo(End.FIN);
    assertThat(server.receivedText()).isEqualTo("01234abc");
  }

  @Test
  void reAddingLimitDataRestartsTheCount() throws Exception {
    Proxied p = proxyTo(SINK);
    p.proxy().toxics().limitData("limit", UPSTREAM, 8);
    ClientConnection client = connect(p.proxy());
    client.send("01234");
    UpstreamConnection server = p.upstreamConnection();
    server.awaitBytes(5, PROMPTLY);
    p.proxy().toxics().get("limit").remove();
    p.proxy().toxics().limitData("limit", UPSTREAM, 8);
    client.send("abcdefghij");
    assertThat(server.awaitEnd(PROMPTLY)).isEqualTo(End.FIN);
    assertThat(server.receivedText()).isEqualTo("01234abcdefgh");
  }

  @ParameterizedTest
  @EnumSource(ToxicDirection.class)
  void resetPeerResetsBothSidesOfALinkOpenedWhileItIsPresent(ToxicDirection direction)
      throws Exception {
    Proxied p = proxyTo(ECHO);
    p.proxy().toxics().resetPeer("reset", direction, 0);
    ClientConnection client = connect(p.proxy());
    client.send("doomed");
    Observation seen = client.readUntilEnd(PROMPTLY);
    assertThat(seen.bytes()).isEmpty();
    assertThat(seen.end()).isEqualTo(End.RST);
    UpstreamConnection server = p.upstreamConnection();
    assertThat(server.awaitEnd(PROMPTLY)).isEqualTo(End.RST);
    assertThat(server.receivedText()).isEqualTo(direction == UPSTREAM ? "" : "doomed");
  }

  @ParameterizedTest
  @EnumSource(ToxicDirection.class)
  void resetPeerAddedToALiveLinkClosesItWithAFin(ToxicDirection direction) throws Exception {
    Proxied p = proxyTo(ECHO);
    ClientConnection client = connect(p.proxy());
    exchange(client, "hello");
    UpstreamConnection server = p.upstreamConnection();
    p.proxy().toxics().resetPeer("reset", direction, 0);
    client.send("again");
    Observation seen = client.readUntilEnd(PROMPTLY);
    assertThat(seen.bytes()).isEmpty();
    assertThat(seen.end()).isEqualTo(End.FIN);
    assertThat(server.awaitEnd(PROMPTLY)).isEqualTo(End.FIN);
    assertThat(server.receivedText()).isEqualTo(direction == UPSTREAM ? "hello" : "helloagain");
  }

  @Test
  void toxicityZeroNeverApplies() throws Exception {
    Proxied p = proxyTo(ECHO);
    p.proxy().toxics().limitData("limit", UPSTREAM, 1).setToxicity(0f);
    ClientConnection client = connect(p.proxy());
    exchange(client, "everything");
    assertThat(client.readUntilEnd(QUIET).end()).isEqualTo(End.OPEN);
  }

  @Test
  void toxicityOneAlwaysApplies() throws Exception {
    Proxied p = proxyTo(SINK);
    p.proxy().toxics().limitData("limit", UPSTREAM, 1).setToxicity(1f);
    ClientConnection client = connect(p.proxy());
    client.send("everything");
    UpstreamConnection server = p.upstreamConnection();
    assertThat(server.awaitEnd(PROMPTLY)).isEqualTo(End.FIN);
    assertThat(server.receivedText()).isEqualTo("e");
  }

  @Test
  void removingLatencyReleasesADelayedChunkAtOnceAndLosesNothing() throws Exception {
    Proxied p = proxyTo(ECHO);
    p.proxy().toxics().latency("latency", DOWNSTREAM, 10_000);
    ClientConnection client = connect(p.proxy());
    client.send("held");
    p.upstreamConnection().awaitBytes(4, PROMPTLY);
    long start = System.nanoTime();
    p.proxy().toxics().get("latency").remove();
    assertThat(client.readExactly(4, PROMPTLY)).asString().isEqualTo("held");
    assertThat(millisSince(start)).isLessThan(5_000);
    exchange(client, "after");
  }

  @Test
  void toxicsApplyInTheOrderTheyWereAdded() throws Exception {
    Proxied p = proxyTo(SINK);
    // limit first, then a black hole: nothing arrives, and the limit still closes the link
    Proxy proxy = p.proxy();
    proxy.toxics().limitData("limit", UPSTREAM, 3);
    proxy.toxics().timeout("hole", UPSTREAM, 0);
    ClientConnection client = connect(proxy);
    client.send("abcdef");
    UpstreamConnection server = p.upstreamConnection();
    assertThat(server.awaitEnd(PROMPTLY)).isEqualTo(End.FIN);
    assertThat(server.receivedText()).isEmpty();
    assertThat(proxy.toxics().getAll()).extracting(t -> t.getName()).containsExactly("limit", "hole");
  }

  private static void exchange(ClientConnection client, String text) throws Exception {
    client.send(text);
    assertThat(client.readExactly(text.length(), PROMPTLY)).asString().isEqualTo(text);
  }

  private static byte[] payload(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) ('a' + i % 26);
    }
    return bytes;
  }

  private static long millisSince(long start) {
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }
}
