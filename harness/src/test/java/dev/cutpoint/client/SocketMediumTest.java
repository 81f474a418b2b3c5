package dev.cutpoint.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SocketMediumTest {

  private ServerSocket server;
  private TcpConnector connector;

  @BeforeEach
  void listen() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    connector = new TcpConnector(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
  }

  @AfterEach
  void close() throws IOException {
    server.close();
  }

  @Test
  void connectorNumbersItsConnections() throws IOException {
    try (Connection first = connector.connect(Optional.empty());
        Socket a = server.accept();
        Connection second = connector.connect(Optional.empty());
        Socket b = server.accept()) {
      assertThat(first.id()).isEqualTo(1);
      assertThat(second.id()).isEqualTo(2);
    }
  }

  @Test
  void aSilentServerTimesOutTheRead() throws IOException {
    try (SocketMedium medium = new SocketMedium(connector, Optional.of(Duration.ofMillis(200)), CallClock.SYSTEM)) {
      medium.write(ByteBuffer.wrap(new byte[] {1}));
      try (Socket accepted = server.accept()) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> medium.read(ByteBuffer.allocate(10)))
            .isInstanceOf(SocketTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(190), Duration.ofSeconds(5));
      }
    }
  }

  /**
   * On the harness's clock a silent server costs no real time and no slow machine can time the
   * read out: only moving the clock does, and it wakes the blocked reader at once.
   */
  @Test
  void onAManualClockTheReadTimesOutWhenTheClockIsMovedAndNotBefore() throws Exception {
    ManualClock clock = new ManualClock();
    try (SocketMedium medium = new SocketMedium(connector, Optional.of(Duration.ofMillis(200)), clock)) {
      medium.write(ByteBuffer.wrap(new byte[] {1}));
      try (Socket accepted = server.accept()) {
        CompletableFuture<Throwable> read = Peers.readFailure(medium);
        assertThat(clock.awaitWaiter(Duration.ofSeconds(30))).isTrue();
        // longer than the timeout in real time: the read must still be waiting
        assertThatThrownBy(() -> read.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        assertThat(clock.expireWaiters()).hasValue(Duration.ofMillis(200).toNanos());
        assertThat(read.get(30, TimeUnit.SECONDS)).isInstanceOf(SocketTimeoutException.class);
      }
    }
  }

  @Test
  void aServerThatStopsReadingTimesOutTheWrite() throws IOException {
    try (SocketMedium medium = new SocketMedium(connector, Optional.of(Duration.ofMillis(200)), CallClock.SYSTEM)) {
      medium.connection();
      try (Socket accepted = server.accept()) {
        ByteBuffer huge = ByteBuffer.allocate(64 << 20);
        assertThatThrownBy(() -> medium.write(huge)).isInstanceOf(SocketTimeoutException.class);
        assertThat(huge.position()).isPositive().isLessThan(huge.capacity());
      }
    }
  }

  /**
   * A body of megabytes goes out a window at a time: every piece arrives whole and in order, empty
   * and read-only ones too, and each piece's position says it was all written.
   */
  @Test
  void piecesOfEverySizeArriveWholeAndInOrder() throws Exception {
    byte[] body = new byte[3 * 1024 * 1024 + 17];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) (i * 31 + i / 4099);
    }
    ByteBuffer[] pieces = {
      ByteBuffer.wrap(new byte[] {'b', 0, 0x30, 0, 0x11}),
      ByteBuffer.wrap(body).asReadOnlyBuffer(),
      ByteBuffer.allocate(0),
      ByteBuffer.wrap(new byte[] {'e'})
    };
    try (SocketMedium medium = new SocketMedium(connector, Optional.of(Duration.ofSeconds(30)), CallClock.SYSTEM)) {
      medium.connection();
      try (Socket accepted = server.accept()) {
        CompletableFuture<byte[]> received = Peers.readToEnd(accepted);
        medium.write(pieces);
        // the end of the stream ends the read: a byte lost or doubled shows in the length at once
        medium.close();
        byte[] bytes = received.get(30, TimeUnit.SECONDS);
        assertThat(bytes).hasSize(5 + body.length + 1);
        assertThat(Arrays.copyOfRange(bytes, 0, 5)).containsExactly('b', 0, 0x30, 0, 0x11);
        assertThat(Arrays.equals(bytes, 5, 5 + body.length, body, 0, body.length)).isTrue();
        assertThat(bytes[bytes.length - 1]).isEqualTo((byte) 'e');
        for (ByteBuffer piece : pieces) {
          assertThat(piece.hasRemaining()).isFalse();
        }
      }
    }
  }

  /**
   * The selector outlives a connection, but a reset closes the socket at once, as a close of an
   * unregistered channel does: with bytes left unread the peer gets a reset, not a FIN first. The
   * next connection then waits on the same selector as the first did.
   */
  @Test
  void aResetClosesTheSocketAtOnceAndTheNextConnectionWaitsAsTheFirst() throws Exception {
    ManualClock clock = new ManualClock();
    try (SocketMedium medium = new SocketMedium(connector, Optional.of(Duration.ofMillis(200)), clock)) {
      medium.write(ByteBuffer.wrap(new byte[] {1}));
      try (Socket first = server.accept()) {
        first.setSoTimeout(10_000);
        assertThat(first.getInputStream().read()).isEqualTo(1);
        first.getOutputStream().write(new byte[] {7, 7, 7});
        first.getOutputStream().flush();
        awaitReadable(medium.connection().channel());
        medium.reset();
        assertThatThrownBy(() -> first.getInputStream().read()).isInstanceOf(SocketException.class)
            .hasMessageContaining("reset");
      }
      medium.write(ByteBuffer.wrap(new byte[] {2}));
      try (Socket second = server.accept()) {
        assertThat(second.getInputStream().read()).isEqualTo(2);
        CompletableFuture<Throwable> read = Peers.readFailure(medium);
        assertThat(clock.awaitWaiter(Duration.ofSeconds(30))).isTrue();
        clock.expireWaiters();
        assertThat(read.get(30, TimeUnit.SECONDS)).isInstanceOf(SocketTimeoutException.class);
      }
    }
  }

  /**
   * Waits until bytes have reached {@code channel}, unread, on a selector of the test's own, which
   * it leaves again before returning.
   */
  private static void awaitReadable(SocketChannel channel) throws IOException {
    try (Selector readable = Selector.open()) {
      channel.register(readable, SelectionKey.OP_READ);
      assertThat(readable.select(30_000)).as("bytes reached the client").isEqualTo(1);
    }
  }

  @Test
  void aClosedPeerReadsAsEndOfStreamAndResetForgetsTheConnection() throws IOException {
    try (SocketMedium medium = new SocketMedium(connector, Optional.of(Duration.ofSeconds(5)), CallClock.SYSTEM)) {
      long firstId = medium.connection().id();
      server.accept().close();
      assertThat(medium.read(ByteBuffer.allocate(10))).isEqualTo(-1);
      medium.reset();
      assertThat(medium.connected()).isFalse();
      long secondId = medium.connection().id();
      server.accept().close();
      assertThat(secondId).isEqualTo(firstId + 1);
    }
  }
}
