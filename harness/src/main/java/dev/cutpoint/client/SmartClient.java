package dev.cutpoint.client;

import java.io.Closeable;

/**
 * The reference client (SPEC §3.4): one connection at a time through a {@link Connector}, kept
 * between calls, and one call at a time. Not thread-safe: one client per driver thread.
 */
public final class SmartClient implements Closeable {

  private final SocketMedium medium;
  private final ClientOptions options;
  private final AttemptListener listener;

  public SmartClient(Connector connector, ClientOptions options, AttemptListener listener) {
    this.medium = new SocketMedium(connector, options.timeout(), options.clock());
    this.options = options;
    this.listener = listener;
  }

  public SmartClient(Connector connector, ClientOptions options) {
    this(connector, options, AttemptListener.NONE);
  }

  public ClientOptions options() {
    return options;
  }

  /**
   * Sends {@code request} and reads its response, resending as the options' policy allows.
   *
   * @throws RemoteError the server answered with an error
   * @throws ConnectionLost the connection was lost and the call not (or not successfully) resent
   * @throws StreamNotRestartable the connection was lost after the body stream had started
   * @throws CallTimeout the server stopped making progress
   * @throws dev.cutpoint.wire.ProtocolError the server's bytes were malformed
   */
  public Response call(Request request) throws CallFailed {
    return new SmartRequest(medium, options, listener, request).call();
  }

  /** Closes the current connection, if any; the next call opens a new one. */
  public void disconnect() {
    medium.reset();
  }

  @Override
  public void close() {
    medium.close();
  }
}
