package dev.cutpoint.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded server shows what its black holes swallow, the evidence the harness needs to end a
 * stuck attempt without guessing at time; an external Toxiproxy cannot, and says so.
 */
class BlackHoleMeterTest {
  private static final Duration SAFETY_NET = Duration.ofSeconds(30);

  private ToxiproxyProvider toxiproxy;
  private LoopbackUpstream upstream;
  private Proxy proxy;

  @BeforeEach
  void start() throws Exception {
    toxiproxy = ToxiproxyProviders.open(Optional.of("embedded"));
    upstream = new LoopbackUpstream(LoopbackUpstream.Mode.ECHO);
    proxy = toxiproxy.createProxy("meter-" + ProcessHandle.current().pid(), upstream.port());
  }

  @AfterEach
  void stop() throws Exception {
    proxy.delete();
    toxiproxy.close();
    upstream.close();
  }

  @Test
  void theBytesAWatchedBlackHoleSwallowsAreCounted() throws Exception {
    BlackHoleMeter meter = toxiproxy.blackHoles().orElseThrow();
    try (ClientConnection client = new ClientConnection(toxiproxy.endpoint(proxy));
        BlackHoleMeter.Swallowed swallowed = meter.watch("hole-up-1")) {
      client.send("before");
      assertThat(client.readExactly(6, SAFETY_NET)).asString().isEqualTo("before");
      proxy.toxics().timeout("hole-up-1", ToxicDirection.UPSTREAM, 0);
      client.send(new byte[70_000]);
      assertThat(swallowed.awaitAtLeast(70_000, SAFETY_NET)).isTrue();
      assertThat(swallowed.awaitAtLeast(70_001, Duration.ofMillis(50)))
          .as("no byte more than were sent").isFalse();
    }
  }

  @Test
  void anotherToxicsBytesAreNotCounted() throws Exception {
    BlackHoleMeter meter = toxiproxy.blackHoles().orElseThrow();
    try (ClientConnection client = new ClientConnection(toxiproxy.endpoint(proxy));
        BlackHoleMeter.Swallowed watched = meter.watch("hole-watched")) {
      proxy.toxics().timeout("hole-other", ToxicDirection.UPSTREAM, 0);
      client.send("lost");
      assertThat(watched.awaitAtLeast(1, Duration.ofMillis(200))).isFalse();
    }
  }
}
