package dev.cutpoint.server;

import dev.cutpoint.wire.MessageDecoder;
import java.net.InetAddress;
import java.util.Objects;

/**
 * How the reference server listens and behaves: loopback and an ephemeral port unless told
 * otherwise (SPEC §3.3), a bound on message size, a listener for connections, and one deliberately
 * wrong switch for the harness's mutant tests.
 *
 * @param executesPartialMessages mutant {@code server-executes-partial} (SPEC §8): when a client
 *     closes in the middle of a message, execute what arrived as if the terminal {@code e} had
 *     come. Never true outside the mutant tests.
 */
public record ServerConfig(
    InetAddress host, int port, int maxMessageSize, ConnectionListener listener, boolean executesPartialMessages) {

  public ServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(listener, "listener");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
  }

  /** Loopback, an ephemeral port, the default maximum message size, no listener, correct behaviour. */
  public static ServerConfig loopback() {
    return new ServerConfig(InetAddress.getLoopbackAddress(), 0, MessageDecoder.DEFAULT_MAX_MESSAGE_SIZE,
        ConnectionListener.NONE, false);
  }

  public ServerConfig withHost(InetAddress newHost) {
    return new ServerConfig(newHost, port, maxMessageSize, listener, executesPartialMessages);
  }

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(host, newPort, maxMessageSize, listener, executesPartialMessages);
  }

  public ServerConfig withMaxMessageSize(int newMax) {
    return new ServerConfig(host, port, newMax, listener, executesPartialMessages);
  }

  public ServerConfig withListener(ConnectionListener newListener) {
    return new ServerConfig(host, port, maxMessageSize, newListener, executesPartialMessages);
  }

  /** The mutant {@code server-executes-partial}. */
  public ServerConfig executingPartialMessages() {
    return new ServerConfig(host, port, maxMessageSize, listener, true);
  }
}
