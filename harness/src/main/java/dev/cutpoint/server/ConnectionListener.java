package dev.cutpoint.server;

import java.net.InetSocketAddress;

/**
 * Sees the server's connections come and go, by the ids the journal uses, so that a test harness
 * can tell which connection a journal entry came from and when a connection ended and why. Called
 * on the connection's own thread; must not block.
 */
public interface ConnectionListener {

  ConnectionListener NONE = new ConnectionListener() {};

  /** Why a connection ended. */
  enum CloseReason {
    /** The client closed (or reset) its side. */
    CLIENT_CLOSED,
    /** Malformed bytes: an error response was sent, then the connection closed. */
    PROTOCOL_ERROR,
    /** {@link SmartServer#gracefulRestart}: closed between two requests. */
    GRACEFUL_RESTART,
    /** {@link SmartServer#close}. */
    SERVER_SHUTDOWN
  }

  default void opened(String connectionId, InetSocketAddress remote) {}

  /** Bytes of a request have arrived but not yet its terminal {@code e}: {@code pending} so far. */
  default void unfinishedRequest(String connectionId, long pending) {}

  default void closed(String connectionId, CloseReason reason) {}
}
