package dev.cutpoint.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Opens TCP connections to one address, numbering them 1, 2, 3… */
public final class TcpConnector implements Connector {

  private final InetSocketAddress address;
  private final AtomicLong nextId = new AtomicLong(1);

  public TcpConnector(InetSocketAddress address) {
    this.address = address;
  }

  public InetSocketAddress address() {
    return address;
  }

  @Override
  public Connection connect(Optional<Duration> timeout) throws IOException {
    if (address.isUnresolved()) {
      throw new UnknownHostException(address.getHostString());
    }
    SocketChannel channel = SocketChannel.open();
    try {
      // as Breezy's SmartTCPClientMedium: small requests must not wait for Nagle
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      if (timeout.isPresent()) {
        channel.socket().connect(address, (int) Math.max(1, timeout.get().toMillis()));
      } else {
        // the socket adaptor would switch the channel to non-blocking and back around a poll
        channel.connect(address);
      }
      return new Connection(nextId.getAndIncrement(), channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public String toString() {
    return "tcp " + address.getHostString() + ":" + address.getPort();
  }
}
