package dev.cutpoint.drive.brzserve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServerSocketsTest {

  @Test
  void countsTheServersOpenAndPeerClosedConnectionsOnItsPortOnly() {
    List<String> table = List.of(
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
        "   0: 0100007F:4E21 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 1 1",
        "   1: 0100007F:4E21 0100007F:9C40 01 00000000:00000000 00:00000000 00000000  1000        0 2 1",
        "   2: 0100007F:4E21 0100007F:9C41 08 00000000:00000000 00:00000000 00000000  1000        0 3 1",
        "   3: 0100007F:4E21 0100007F:9C42 06 00000000:00000000 03:00000000 00000000     0        0 0 3",
        "   4: 0100007F:9C40 0100007F:4E21 01 00000000:00000000 00:00000000 00000000  1000        0 4 1");

    assertThat(ServerSockets.count(table, 0x4E21)).isEqualTo(2);
    assertThat(ServerSockets.count(table, 0x9C40)).isEqualTo(1);
    assertThat(ServerSockets.count(table, 80)).isZero();
  }

  /** The listeners come first; what follows them is never read, however long the table. */
  @Test
  void readsTheListenersAtTheHeadOfATableAndNothingAfterThem() throws IOException {
    StringBuilder rows = new StringBuilder(
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
        + "   0: 0100007F:4E21 00000000:0000 0A 00000000:00000002 00:00000000 00000000  1000        0 11 1\n"
        // before Linux 4.4 a listener's handshakes in progress (SYN_RECV) follow it
        + "   1: 0100007F:4E21 0100007F:9C3F 03 00000000:00000000 02:00000000 00000000  1000        0 0 2\n"
        + "   2: 0100007F:9C40 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 12 1\n");
    // a java run leaves thousands of TIME_WAIT rows behind the listeners
    for (int i = 3; i < 1000; i++) {
      rows.append(String.format("%4d: 0100007F:4E21 0100007F:%04X 06 00000000:00000000 03:00000000 00000000     0        0 0 3%n", i, i));
    }
    byte[] table = rows.toString().getBytes(StandardCharsets.US_ASCII);
    AtomicInteger served = new AtomicInteger();
    InputStream in = new ByteArrayInputStream(table) {
      @Override
      public synchronized int read(byte[] into, int offset, int length) {
        int n = super.read(into, offset, length);
        served.addAndGet(Math.max(n, 0));
        return n;
      }
    };

    List<String[]> listeners = ServerSockets.listenerRows(in);

    assertThat(listeners).extracting(columns -> columns[9]).containsExactly("11", "12");
    assertThat(served.get()).as("bytes read of %d", table.length).isLessThan(1024);
  }

  @Test
  void seesALiveConnectionOfThisMachine() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket client = new Socket()) {
      client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
      int port = server.getLocalPort();
      assertThat(ServerSockets.queued(port)).as("made, not yet accepted").isOne();
      try (Socket accepted = server.accept()) {
        assertThat(ServerSockets.available()).isTrue();
        assertThat(ServerSockets.queued(port)).isZero();
        Set<Long> listening = ServerSockets.listening(port);
        assertThat(listening).hasSize(1);
        // this JVM holds the listener, the accepted socket and the client's: only the accepted one counts
        Set<Long> open = ServerSockets.socketInodes(List.of(ProcessHandle.current()));
        assertThat(open).containsAll(listening);
        open.removeAll(listening);
        assertThat(ServerSockets.held(port, open)).isOne();
        accepted.close();
        open = ServerSockets.socketInodes(List.of(ProcessHandle.current()));
        open.removeAll(listening);
        assertThat(ServerSockets.held(port, open)).isZero();
      }
    }
  }

  @Test
  void aProcessThatHasExitedHoldsNothing() throws Exception {
    Process done = new ProcessBuilder("true").start();
    done.waitFor();

    assertThat(ServerSockets.socketInodes(List.of(done.toHandle()))).isEmpty();
  }

  @Test
  void aStablePortLiesBelowTheEphemeralRange() throws IOException {
    int low = Integer.parseInt(
        Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim().split("\\s+")[0]);

    assertThat(StablePorts.belowEphemeralRange()).isPresent();
    assertThat(StablePorts.belowEphemeralRange().getAsInt()).isLessThan(low);
  }
}
