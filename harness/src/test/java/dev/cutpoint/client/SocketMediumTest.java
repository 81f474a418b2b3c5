package dev.cutpoint.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
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
        CompletableFuture<Throwable> read = CompletableFuture.supplyAsync(() -> {
          try {
            medium.read(ByteBuffer.allocate(10));
            return null;
          } catch (IOException e) {
            return e;
          }
        });
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
