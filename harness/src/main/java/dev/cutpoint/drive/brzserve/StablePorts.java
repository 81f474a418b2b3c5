package dev.cutpoint.drive.brzserve;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for a server that restarts on the same port: {@code brz serve} is down for about a second
 * during a restart, and a port from the kernel's ephemeral range (what binding port 0 gives) may
 * meanwhile become the local port of any outgoing connection on the machine — the harness makes
 * hundreds a second — and the restart then fails. A free port just below that range is never
 * handed out to connections.
 */
public final class StablePorts {

  private static final Path RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  /** How far below the ephemeral range to look. */
  private static final int SPAN = 16_384;
  private static final int LOWEST = 10_000;
  private static final int TRIES = 20;

  private StablePorts() {}

  /** A free loopback port below the ephemeral range, or empty where the range is unknown. */
  public static OptionalInt belowEphemeralRange() {
    int low;
    try {
      // read as lines: procfs reports a size of 0, which whole-file reads trust
      low = Integer.parseInt(Files.readAllLines(RANGE).get(0).trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return OptionalInt.empty();
    }
    int from = Math.max(LOWEST, low - SPAN);
    if (from >= low) {
      return OptionalInt.empty();
    }
    for (int i = 0; i < TRIES; i++) {
      int port = ThreadLocalRandom.current().nextInt(from, low);
      if (free(port)) {
        return OptionalInt.of(port);
      }
    }
    return OptionalInt.empty();
  }

  private static boolean free(int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(InetAddress.getByName(BrzServe.HOST), port));
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
