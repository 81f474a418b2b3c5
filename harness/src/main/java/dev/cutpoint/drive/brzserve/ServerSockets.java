package dev.cutpoint.drive.brzserve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The connections a server process still holds on its listening port, read from Linux's socket
 * tables ({@code /proc/net/tcp} and {@code tcp6}): {@code brz serve} keeps no journal and tells nothing of its
 * connections, so this is how the harness knows that it has finished with a case (every
 * connection closed on its side) and how many connections a restart closed.
 */
public final class ServerSockets {

  private static final Path TCP = Path.of("/proc/net/tcp");
  /** IPv6 sockets, IPv4-mapped ones included (a JVM's sockets are IPv6 by default). */
  private static final Path TCP6 = Path.of("/proc/net/tcp6");
  /**
   * ESTABLISHED and CLOSE_WAIT (include/net/tcp_states.h): the server's side is open, either in use
   * or with the peer gone and the server not yet done with it.
   */
  private static final Set<String> HELD = Set.of("01", "08");

  private ServerSockets() {}

  /** Whether this machine has the socket table (Linux). */
  public static boolean available() {
    return Files.isReadable(TCP);
  }

  /** How many accepted connections on the local port {@code port} the server still holds. */
  public static int held(int port) {
    int held = 0;
    for (Path table : List.of(TCP, TCP6)) {
      if (table == TCP || Files.isReadable(table)) {
        try {
          held += count(Files.readAllLines(table), port);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + table, e);
        }
      }
    }
    return held;
  }

  /** Counts the table's rows (after its header line) whose local port is {@code port} and held. */
  public static int count(List<String> table, int port) {
    String local = String.format(":%04X", port);
    int held = 0;
    for (int i = 1; i < table.size(); i++) {
      String[] columns = table.get(i).trim().split("\\s+");
      // sl, local_address, rem_address, st, ...
      if (columns.length > 3 && columns[1].endsWith(local) && HELD.contains(columns[3])) {
        held++;
      }
    }
    return held;
  }
}
