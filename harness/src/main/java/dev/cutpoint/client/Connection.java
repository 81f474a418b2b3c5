package dev.cutpoint.client;

import java.io.Closeable;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;

/**
 * One open connection to a server, with the id under which the history records it. The medium
 * owns the connection once it has it, and closes it when the connection fails.
 */
public final class Connection implements Closeable {

  private final long id;
  private final SocketChannel channel;

  /**
   * @param id unique among the connections of one connector; chosen by the connector
   * @param channel a connected channel; the connection takes ownership of it
   */
  public Connection(long id, SocketChannel channel) {
    if (!channel.isConnected()) {
      throw new IllegalArgumentException("connection " + id + " is not connected");
    }
    this.id = id;
    this.channel = channel;
  }

  public long id() {
    return id;
  }

  SocketChannel channel() {
    return channel;
  }

  /** The server's address as seen by this connection. */
  public SocketAddress remoteAddress() throws IOException {
    return channel.getRemoteAddress();
  }

  public boolean isOpen() {
    return channel.isOpen();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  @Override
  public String toString() {
    return "connection " + id;
  }
}
