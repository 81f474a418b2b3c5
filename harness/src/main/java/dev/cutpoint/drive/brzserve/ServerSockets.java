package dev.cutpoint.drive.brzserve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The connections a server process still holds on its listening port: {@code brz serve} keeps no
 * journal and tells nothing of its connections, so this is how the harness knows that it has
 * finished with a case (every connection accepted and closed on its side) and how many
 * connections a restart closed.
 *
 * <p>Three sources, because the whole socket table is dear. Linux's tables ({@code /proc/net/tcp}
 * and {@code tcp6}) list every socket of the machine, the TIME_WAIT ones of every finished case
 * too: after a java run, 20,000 rows and 20 ms a read, and the harness used to read them every
 * millisecond. The kernel lists listening sockets first, and a listener's {@code rx_queue} is its
 * accept queue: connections made but not yet accepted, invisible in the server's descriptors; so
 * reading the head of the tables tells them, cheaply. The sockets a process holds open are the
 * {@code socket:[inode]} links under {@code /proc/PID/fd}: a few entries. The whole tables are read
 * only to tell a server command's connections on its port from its other sockets.
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

  private static final String LISTEN = "0A";
  private static final String SYN_RECV = "03";
  /** Less than a row of either table (150 and 178 bytes): the kernel makes about one row a read. */
  private static final int ROW_READ = 128;
  private static final String SOCKET_LINK = "socket:[";

  private ServerSockets() {}

  /** Whether this machine has the socket table (Linux). */
  public static boolean available() {
    return Files.isReadable(TCP);
  }

  /**
   * How many of the sockets {@code open} are connections on the local port {@code port} that are
   * held (in use, or closed by the peer and not yet by the server), from the whole tables.
   */
  public static int held(int port, Set<Long> open) {
    return open.isEmpty() ? 0 : count(tables(), port, open);
  }

  /**
   * How many connections wait in the accept queue of the listener on the local port {@code port}:
   * its row's {@code rx_queue}. The kernel makes the rows as they are read, listening sockets
   * first; reading a few of them at a time and stopping after the last listener spares it the
   * walk through every other socket. Still about a millisecond here: the kernel walks its empty hash
   * buckets too.
   */
  public static int queued(int port) {
    String local = localPort(port);
    for (Path table : present()) {
      for (String[] columns : listenerRows(table)) {
        if (columns[1].endsWith(local)) {
          return Integer.parseInt(columns[4].substring(columns[4].indexOf(':') + 1), 16);
        }
      }
    }
    return 0;
  }

  /**
   * The LISTEN rows at the head of {@code table}, in columns. The rows are read one at a time, and
   * the reading stops at the first row in another state (a handshake in progress aside), so the
   * kernel never makes the TIME_WAIT rows behind them.
   */
  private static List<String[]> listenerRows(Path table) {
    try (InputStream in = Files.newInputStream(table)) {
      return listenerRows(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + table, e);
    }
  }

  static List<String[]> listenerRows(InputStream in) throws IOException {
    List<String[]> listeners = new ArrayList<>();
    byte[] chunk = new byte[ROW_READ];
    StringBuilder row = new StringBuilder();
    boolean header = true;
    for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
      for (int i = 0; i < read; i++) {
        char c = (char) chunk[i];
        if (c != '\n') {
          row.append(c);
          continue;
        }
        String[] columns = row.toString().trim().split("\\s+");
        row.setLength(0);
        if (header) {
          header = false;
          continue;
        }
        // sl, local_address, rem_address, st, tx:rx, tr:when, retrnsmt, uid, timeout, inode
        if (columns.length > 9 && columns[3].equals(SYN_RECV)) {
          continue; // kernels before 4.4 list a listener's pending handshakes right after it
        }
        if (columns.length <= 9 || !columns[3].equals(LISTEN)) {
          return listeners;
        }
        listeners.add(columns);
      }
    }
    return listeners;
  }

  /**
   * The inodes of the sockets listening on the local port {@code port}, from the head of the tables:
   * read whole, after a java run, they cost tens of milliseconds at every start of brz serve.
   */
  public static Set<Long> listening(int port) {
    Set<Long> inodes = new HashSet<>();
    String local = localPort(port);
    for (Path table : present()) {
      for (String[] columns : listenerRows(table)) {
        if (columns[1].endsWith(local)) {
          inodes.add(Long.parseLong(columns[9]));
        }
      }
    }
    return inodes;
  }

  /**
   * The inodes of the sockets the processes hold open; none for one that has exited. A
   * descriptor closed while it is read is not open.
   */
  public static Set<Long> socketInodes(Collection<ProcessHandle> processes) {
    Set<Long> inodes = new HashSet<>();
    processes.forEach(p -> addSocketInodes(p.pid(), inodes));
    return inodes;
  }

  private static void addSocketInodes(long pid, Set<Long> inodes) {
    Path fds = Path.of("/proc", Long.toString(pid), "fd");
    List<Path> links;
    try (var listed = Files.list(fds)) {
      links = listed.toList();
    } catch (NoSuchFileException gone) {
      return;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + fds, e);
    }
    for (Path link : links) {
      try {
        String target = Files.readSymbolicLink(link).toString();
        if (target.startsWith(SOCKET_LINK) && target.endsWith("]")) {
          inodes.add(Long.parseLong(target.substring(SOCKET_LINK.length(), target.length() - 1)));
        }
      } catch (NoSuchFileException closed) {
        // closed between the listing and the read
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + link, e);
      }
    }
  }

  /** Counts the table's rows (after its header line) whose local port is {@code port} and held. */
  public static int count(List<String> table, int port) {
    return count(table.subList(Math.min(1, table.size()), table.size()), port, null);
  }

  /** Rows without header whose local port is {@code port}, held, and (unless null) among {@code inodes}. */
  private static int count(List<String> rows, int port, Set<Long> inodes) {
    String local = localPort(port);
    int held = 0;
    for (String row : rows) {
      String[] columns = row.trim().split("\\s+");
      // sl, local_address, rem_address, st, tx:rx, tr:when, retrnsmt, uid, timeout, inode
      if (columns.length > 9 && columns[1].endsWith(local) && HELD.contains(columns[3])
          && (inodes == null || inodes.contains(Long.parseLong(columns[9])))) {
        held++;
      }
    }
    return held;
  }

  private static String localPort(int port) {
    return String.format(":%04X", port);
  }

  private static List<Path> present() {
    return List.of(TCP, TCP6).stream().filter(t -> t == TCP || Files.isReadable(t)).toList();
  }

  /** The rows of both tables, headers left out. */
  private static List<String> tables() {
    List<String> rows = new ArrayList<>();
    for (Path table : present()) {
      try {
        List<String> lines = Files.readAllLines(table);
        rows.addAll(lines.subList(Math.min(1, lines.size()), lines.size()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + table, e);
      }
    }
    return rows;
  }
}
