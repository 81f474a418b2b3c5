package dev.cutpoint.server;

import dev.cutpoint.wire.Direction;
import dev.cutpoint.wire.Message;
import dev.cutpoint.wire.MessageDecoder;
import dev.cutpoint.wire.MessageEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/** A test's view of a connection: raw bytes out, decoded responses in, every read bounded. */
final class RawClient implements AutoCloseable {

  private final Socket socket;
  private final MessageDecoder decoder = new MessageDecoder(Direction.RESPONSE);
  private final List<Message> pending = new ArrayList<>();

  RawClient(InetSocketAddress address) throws IOException {
    socket = new Socket();
    socket.connect(address, 5000);
    socket.setSoTimeout(5000);
  }

  void send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
  }

  void send(byte[] bytes, int offset, int length) throws IOException {
    socket.getOutputStream().write(bytes, offset, length);
    socket.getOutputStream().flush();
  }

  Message call(Message request) throws IOException {
    send(MessageEncoder.encode(request));
    return read();
  }

  /** The next response; fails if none comes within the socket timeout or the server closes. */
  Message read() throws IOException {
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[8192];
    while (pending.isEmpty()) {
      int n = in.read(buffer);
      if (n < 0) {
        throw new IOException("the server closed the connection before a whole response");
      }
      pending.addAll(decoder.feed(buffer, 0, n));
    }
    return pending.remove(0);
  }

  /** Whether the server closes the connection (EOF or reset) within the socket timeout, reading nothing else. */
  boolean closedByServer() throws IOException {
    try {
      return socket.getInputStream().read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /** Reads with a short timeout: whether the server has sent nothing and kept the connection open. */
  boolean silentFor(int millis) throws IOException {
    socket.setSoTimeout(millis);
    try {
      return socket.getInputStream().read() < -1;
    } catch (SocketTimeoutException e) {
      return true;
    } finally {
      socket.setSoTimeout(5000);
    }
  }

  /** Closes the sending side only: the server sees EOF, the test can still read. */
  void halfClose() throws IOException {
    socket.shutdownOutput();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
