package dev.cutpoint.client;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Opens connections to a smart server. The client opens every connection through one, so the
 * harness can wrap it: to see each connect and to hold it until its nemesis has cleared a fault
 * (SPEC §5.3).
 */
@FunctionalInterface
public interface Connector {

  /**
   * Opens a new connection.
   *
   * @param timeout how long to wait for the server to accept, or empty to wait as long as the
   *     operating system does
   * @throws java.net.SocketTimeoutException when the timeout expires
   * @throws IOException when the connection cannot be opened
   */
  Connection connect(Optional<Duration> timeout) throws IOException;
}
