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
