package dev.cutpoint.drive.brzserve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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
