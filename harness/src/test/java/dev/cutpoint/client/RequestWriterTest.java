package dev.cutpoint.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.wire.ByteString;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Where the writer flushes, against Breezy's {@code _ProtocolThreeEncoder}: {@code _write_func}
 * flushes once more than 1 MiB waits, after each piece, and {@code _write_prefixed_body} writes
 * {@code b}, the length and the bytes as three pieces.
 */
class RequestWriterTest {

  @Test
  void aBodyPartFlushesWhereBreezysPiecesDo() throws Exception {
    // 1 MiB - 4 waiting: b makes 1 MiB - 3, the length 1 MiB + 1, which flushes before the body
    assertThat(writtenAfterBody(RequestWriter.BUFFER_SIZE - 4, 10)).isEqualTo(RequestWriter.BUFFER_SIZE + 1);
    // 1 MiB waiting: b alone passes it
    assertThat(writtenAfterBody(RequestWriter.BUFFER_SIZE, 10)).isEqualTo(RequestWriter.BUFFER_SIZE + 1);
    // a little waiting: a body over 1 MiB goes out with the header before it
    assertThat(writtenAfterBody(100, RequestWriter.BUFFER_SIZE)).isEqualTo(100 + 5 + RequestWriter.BUFFER_SIZE);
    // nothing passes 1 MiB: nothing goes out before the flush at the end
    assertThat(writtenAfterBody(100, 10)).isZero();
  }

  /** What reached the socket after {@code waiting} bytes and a body part of {@code body} bytes. */
  private static long writtenAfterBody(int waiting, int body) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        SocketMedium medium = new SocketMedium(
            new TcpConnector(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort())),
            Optional.of(Duration.ofSeconds(30)), CallClock.SYSTEM)) {
      medium.connection();
      try (Socket accepted = server.accept()) {
        CompletableFuture<byte[]> drained = Peers.readToEnd(accepted);
        RequestWriter writer = new RequestWriter(medium);
        writer.write(new byte[waiting]);
        writer.writeBody(ByteString.wrap(new byte[body]));
        long written = writer.written();
        writer.flush();
        assertThat(writer.written()).isEqualTo(waiting + 5L + body);
        medium.close();
        assertThat(drained.get(30, TimeUnit.SECONDS)).hasSize(waiting + 5 + body);
        return written;
      }
    }
  }
}
