package dev.cutpoint.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutpoint.toxiproxy.embedded.Proxy;
import dev.cutpoint.toxiproxy.embedded.ProxyConfig;
import dev.cutpoint.toxiproxy.embedded.toxic.Direction;
import dev.cutpoint.toxiproxy.embedded.toxic.LatencyToxic;
import dev.cutpoint.toxiproxy.embedded.toxic.Stage;
import dev.cutpoint.toxiproxy.embedded.toxic.ToxicDefinition;
import dev.cutpoint.toxiproxy.embedded.toxic.ToxicType;
import dev.cutpoint.toxiproxy.embedded.toxic.TimeoutToxic;
import dev.cutpoint.toxiproxy.embedded.toxic.Toxic;
import java.lang.management.ManagementFactory;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded server's own promises: hundreds of links, and nothing left behind. */
class EmbeddedToxiproxyTest {
  private static final Duration PROMPTLY = Duration.ofSeconds(10);

  private EmbeddedToxiproxy server;
  private LoopbackUpstream upstream;
  private final List<ClientConnection> clients = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = EmbeddedToxiproxy.start("127.0.0.1", 0);
    upstream = new LoopbackUpstream(LoopbackUpstream.Mode.ECHO);
  }

  @AfterEach
  void stop() throws Exception {
    for (ClientConnection client : clients) {
      client.close();
    }
    server.close();
    upstream.close();
  }

  @Test
  void holdsHundredsOfLinksAndEndsAllTheirWorkWhenTheyClose() throws Exception {
    Proxy proxy = proxy("many");
    proxy.toxics().add(toxic("slow", Direction.DOWNSTREAM, new LatencyToxic(0, 0)));
    for (int i = 0; i < 200; i++) {
      ClientConnection client = connect(proxy);
      client.send("link " + i);
      assertThat(client.readExactly(("link " + i).length(), PROMPTLY)).asString().isEqualTo("link " + i);
    }
    assertThat(proxy.linkCount()).isEqualTo(200);
    List<Stage> stages = proxy.linkStages();
    assertThat(stages).hasSize(200 * 3); // two readers and one latency stub per link

    for (ClientConnection client : clients) {
      client.close();
    }
    clients.clear();

    awaitFinished(stages);
    assertThat(proxy.linkCount()).isZero(); // a link is forgotten before its last stage ends
  }

  /** Each link used to start two readers and a stub; now they run on threads the last link left. */
  @Test
  void linksOneAfterAnotherReuseTheirThreads() throws Exception {
    Proxy proxy = proxy("sequential");
    proxy.toxics().add(toxic("slow", Direction.DOWNSTREAM, new LatencyToxic(0, 0)));
    int links = 100;
    long startedBefore = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
    for (int i = 0; i < links; i++) {
      ClientConnection client = new ClientConnection(listenAddress(proxy));
      client.send("link " + i);
      assertThat(client.readExactly(("link " + i).length(), PROMPTLY)).asString().isEqualTo("link " + i);
      List<Stage> stages = proxy.linkStages();
      client.close();
      awaitFinished(stages);
    }
    long started = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - startedBefore;
    // the echo upstream starts one thread per connection; a thread per stage would add 300
    assertThat(started).isLessThan(links + links / 5);
  }

  @Test
  void deletingAProxyEndsItsLinksEvenWhileAToxicHoldsThem() throws Exception {
    Proxy proxy = proxy("held");
    proxy.toxics().add(toxic("slow", Direction.DOWNSTREAM, new LatencyToxic(60_000, 0)));
    proxy.toxics().add(toxic("hole", Direction.DOWNSTREAM, new TimeoutToxic(0)));
    ClientConnection client = connect(proxy);
    client.send("stuck");
    // the echo is now held by the latency stub for a minute
    assertThat(upstream.nextConnection(PROMPTLY).awaitBytes(5, PROMPTLY)).hasSize(5);
    List<Stage> stages = proxy.linkStages();
    assertThat(stages).hasSize(4);

    server.proxies().remove("held");

    assertThat(client.readUntilEnd(PROMPTLY).end()).isEqualTo(End.FIN);
    awaitFinished(stages);
  }

  @Test
  void closingTheServerStopsTheApiAndEveryProxy() throws Exception {
    Proxy proxy = proxy("closed");
    InetSocketAddress listen = listenAddress(proxy);
    InetSocketAddress api = server.address();
    ClientConnection client = connect(proxy);
    client.send("up"); // accepted and linked: one still in the listen backlog would be reset
    assertThat(client.readExactly(2, PROMPTLY)).asString().isEqualTo("up");

    server.close();

    assertThat(client.readUntilEnd(PROMPTLY).end()).isEqualTo(End.FIN);
    assertThatThrownBy(() -> new ClientConnection(listen).close()).isInstanceOf(ConnectException.class);
    assertThatThrownBy(() -> new ClientConnection(api).close()).isInstanceOf(ConnectException.class);
  }

  private Proxy proxy(String name) throws Exception {
    return server.proxies().create(
        new ProxyConfig(name, "127.0.0.1:0", "127.0.0.1:" + upstream.port(), true));
  }

  private ClientConnection connect(Proxy proxy) throws Exception {
    ClientConnection client = new ClientConnection(listenAddress(proxy));
    clients.add(client);
    return client;
  }

  private static InetSocketAddress listenAddress(Proxy proxy) {
    String listen = proxy.state().listen();
    return new InetSocketAddress("127.0.0.1", Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1)));
  }

  private static ToxicDefinition toxic(String name, Direction stream, Toxic toxic) {
    ToxicType type = toxic instanceof LatencyToxic ? ToxicType.LATENCY : ToxicType.TIMEOUT;
    return new ToxicDefinition(name, type, stream, 1f, toxic);
  }

  private static void awaitFinished(List<Stage> stages) throws InterruptedException {
    for (Stage stage : stages) {
      assertThat(stage.awaitFinished(PROMPTLY)).as("a stage still running").isTrue();
    }
  }
}
