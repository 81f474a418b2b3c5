package dev.cutpoint.toxiproxy.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProxyTest {

  /**
   * The dial to the upstream has no timeout, as Toxiproxy's {@code net.Dial}: an upstream whose
   * accept queue is full drops the SYN, and the dial would wait minutes for the system's own
   * timeout. A stop ends it while it waits, and the client is closed as when the upstream cannot
   * be reached.
   */
  @Test
  void aStopEndsADialThatTheUpstreamNeverAnswers() throws Exception {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    List<SocketChannel> queued = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 1, loopback)) {
      // never accepted: a few connections fill the queue, and later SYNs are dropped
      for (int i = 0; i < 4; i++) {
        SocketChannel filler = SocketChannel.open();
        filler.configureBlocking(false);
        filler.connect(new InetSocketAddress(loopback, silent.getLocalPort()));
        queued.add(filler);
      }
      Proxy proxy = new Proxy("silent", "127.0.0.1:0", "127.0.0.1:" + silent.getLocalPort());
      proxy.start();
      int port = Integer.parseInt(proxy.state().listen().substring("127.0.0.1:".length()));
      try (Socket client = new Socket(loopback, port)) {
        client.setSoTimeout(30_000);
        assertThat(proxy.awaitDial(Duration.ofSeconds(30))).as("the acceptor dials the upstream").isTrue();
        CompletableFuture.runAsync(proxy::stop).get(30, TimeUnit.SECONDS);
        assertThat(readsToTheEnd(client)).isTrue();
        assertThat(proxy.linkCount()).isZero();
      }
    } finally {
      for (SocketChannel filler : queued) {
        filler.close();
      }
    }
  }

  /**
   * Whether the proxy closed the client: the end of the stream, or a reset; not a client left
   * open, whose read times out.
   */
  private static boolean readsToTheEnd(Socket client) throws IOException {
    try {
      return client.getInputStream().read() == -1;
    } catch (SocketTimeoutException leftOpen) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }
}
