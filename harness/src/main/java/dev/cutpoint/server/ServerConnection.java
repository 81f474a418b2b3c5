package dev.cutpoint.server;

import dev.cutpoint.server.ConnectionListener.CloseReason;
import dev.cutpoint.wire.BList;
import dev.cutpoint.wire.Direction;
import dev.cutpoint.wire.Message;
import dev.cutpoint.wire.MessageDecoder;
import dev.cutpoint.wire.MessageEncoder;
import dev.cutpoint.wire.ProtocolError;
import dev.cutpoint.wire.Status;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Optional;

/**
 * One client connection: reads bytes, executes each request once its terminal {@code e} has
 * arrived, writes the response. An unfinished message when the client goes away is dropped
 * without a trace. Malformed bytes get Breezy's generic error response
 * ({@code ("error", "Generic bzr smart protocol error: ...")}) and then, unlike Breezy (which keeps
 * the connection open and reads on from wherever it lost its footing), the connection closes.
 */
final class ServerConnection implements Runnable {

  /**
   * Connections run on pooled threads, one at a time per thread, so each thread keeps its read
   * buffer rather than allocating and zeroing 64 KiB per connection.
   */
  private static final ThreadLocal<byte[]> READ_BUFFER =
      ThreadLocal.withInitial(() -> new byte[64 * 1024]);

  private final String id;
  private final Socket socket;
  private final RequestExecutor executor;
  private final ServerConfig config;
  private final MessageDecoder decoder;

  /** Guarded by {@code this}: a restart closes at once an idle connection, later a busy one. */
  private boolean restartRequested;
  private boolean idle;
  private volatile boolean shuttingDown;

  ServerConnection(String id, Socket socket, RequestExecutor executor, ServerConfig config) {
    this.id = id;
    this.socket = socket;
    this.executor = executor;
    this.config = config;
    this.decoder = new MessageDecoder(Direction.REQUEST, config.maxMessageSize());
  }

  String id() {
    return id;
  }

  @Override
  public void run() {
    config.listener().opened(id, (InetSocketAddress) socket.getRemoteSocketAddress());
    CloseReason reason = CloseReason.CLIENT_CLOSED;
    try (socket) {
      reason = serve(socket.getInputStream(), new BufferedOutputStream(socket.getOutputStream()));
    } catch (IOException e) {
      reason = shuttingDown ? CloseReason.SERVER_SHUTDOWN : CloseReason.CLIENT_CLOSED;
    } finally {
      config.listener().closed(id, reason);
    }
  }

  private CloseReason serve(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = READ_BUFFER.get();
    while (true) {
      synchronized (this) {
        if (restartRequested && !decoder.inMessage()) {
          return CloseReason.GRACEFUL_RESTART;
        }
        idle = !decoder.inMessage();
      }
      int n = in.read(buffer);
      synchronized (this) {
        idle = false;
      }
      if (n < 0) {
        return endOfInput(out);
      }
      List<Message> requests;
      try {
        requests = decoder.feed(buffer, 0, n);
      } catch (ProtocolError e) {
        sendProtocolError(out, e);
        return CloseReason.PROTOCOL_ERROR;
      }
      for (Message request : requests) {
        out.write(MessageEncoder.encode(executor.execute(id, request)));
      }
      out.flush();
      if (decoder.inMessage()) {
        config.listener().unfinishedRequest(id, decoder.pendingBytes());
      }
      Optional<ProtocolError> failure = decoder.failure();
      if (failure.isPresent()) {
        sendProtocolError(out, failure.get());
        return CloseReason.PROTOCOL_ERROR;
      }
    }
  }

  private CloseReason endOfInput(OutputStream out) throws IOException {
    synchronized (this) {
      if (restartRequested) {
        return CloseReason.GRACEFUL_RESTART;
      }
    }
    if (shuttingDown) {
      return CloseReason.SERVER_SHUTDOWN;
    }
    if (config.executesPartialMessages()) {
      Optional<Message> partial = decoder.partial();
      if (partial.isPresent()) {
        Message response = executor.execute(id, partial.get());
        try {
          out.write(MessageEncoder.encode(response));
          out.flush();
        } catch (IOException ignored) {
          // the client is gone; the point of the mutant is the execution, not the reply
        }
      }
    }
    return CloseReason.CLIENT_CLOSED;
  }

  private static void sendProtocolError(OutputStream out, ProtocolError e) throws IOException {
    Message response = Message.response(RequestExecutor.RESPONSE_HEADERS, Status.ERROR,
        BList.ofStrings("error", "Generic bzr smart protocol error: " + e.getMessage()), List.of());
    out.write(MessageEncoder.encode(response));
    out.flush();
  }

  /**
   * Asks the connection to close at the next point between requests. An idle one (no byte of a
   * request pending) stops reading at once; a busy one finishes its request and response first.
   */
  void requestRestart() {
    synchronized (this) {
      restartRequested = true;
      if (idle) {
        try {
          socket.shutdownInput();
        } catch (IOException ignored) {
          // already closed: nothing left to stop
        }
      }
    }
  }

  /** Closes the socket now, whatever it is doing. */
  void shutdown() {
    shuttingDown = true;
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing is all that was asked; a socket that will not close is already unusable
    }
  }
}
