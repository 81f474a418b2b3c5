package dev.cutpoint.client;

import dev.cutpoint.wire.ByteString;
import dev.cutpoint.wire.Direction;
import dev.cutpoint.wire.Message;
import dev.cutpoint.wire.MessageDecoder;
import dev.cutpoint.wire.MessageEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback smart server for the client's tests that misbehaves on cue: connection {@code i}
 * follows the {@code i}-th {@link Behaviour} of its script, later connections answer honestly.
 * It answers from a tiny in-memory file store and keeps a journal of the requests it executed
 * (those whose terminal {@code e} arrived), so tests can count executions.
 */
final class ScriptedServer implements AutoCloseable {

  /** What one connection does. */
  sealed interface Behaviour {}

  /** Answers every request, keeping the connection open. */
  record Answer() implements Behaviour {}

  /** Answers {@code requests} requests, then closes gracefully: a live upgrade (bug 819604). */
  record AnswerThenClose(int requests) implements Behaviour {}

  /** Closes as soon as the connection is accepted. */
  record CloseOnAccept() implements Behaviour {}

  /** Reads {@code k} request bytes, then closes (with RST if bytes are left unread). */
  record CloseAfterRequestBytes(long k) implements Behaviour {}

  /** Reads and executes the whole request, then closes without a response byte. */
  record CloseAfterRequest() implements Behaviour {}

  /** Executes the request, sends {@code j} bytes of the response, then closes ({@code reset}: RST). */
  record CloseAfterResponseBytes(long j, boolean reset) implements Behaviour {}

  /** Executes the request and never answers, never closes. */
  record BlackHole() implements Behaviour {}

  /** Never reads a byte, never closes: a large request fills the socket buffers and stalls. */
  record StopReading() implements Behaviour {}

  /** Answers the request with these bytes instead of a response. */
  record Garbage(byte[] bytes) implements Behaviour {}

  static Behaviour answer() {
    return new Answer();
  }

  /** A request the server ran, and on which connection (1 for the first accepted). */
  record Executed(int connection, Message request) {}

  private static final int RECEIVE_BUFFER = 64 * 1024;

  private final ServerSocket listener;
  private final List<Behaviour> script;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final List<Executed> journal = new CopyOnWriteArrayList<>();
  private final Map<Integer, byte[]> received = new ConcurrentHashMap<>();
  private final Map<Integer, CountDownLatch> ended = new ConcurrentHashMap<>();
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final Map<String, ByteString> files = new ConcurrentHashMap<>();
  private volatile int accepted;

  ScriptedServer(Behaviour... script) throws IOException {
    this.script = List.of(script);
    listener = new ServerSocket();
    // a small, fixed receive window (no autotuning), so that a large request cannot vanish into
    // buffers before a cut: the client has to see the cut on write
    listener.setReceiveBufferSize(RECEIVE_BUFFER);
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    threads.execute(this::acceptLoop);
  }

  TcpConnector connector() {
    return new TcpConnector(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()));
  }

  int port() {
    return listener.getLocalPort();
  }

  void putFile(String path, ByteString content) {
    files.put(path, content);
  }

  ByteString file(String path) {
    return files.get(path);
  }

  List<Executed> journal() {
    return List.copyOf(journal);
  }

  int connectionsAccepted() {
    return accepted;
  }

  /** The bytes connection {@code connection} received, once it has ended. */
  byte[] received(int connection) throws InterruptedException {
    awaitClosed(connection);
    return received.getOrDefault(connection, new byte[0]);
  }

  /** Waits until the server has closed connection {@code connection}. */
  void awaitClosed(int connection) throws InterruptedException {
    if (!ended(connection).await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("connection " + connection + " did not end");
    }
  }

  private CountDownLatch ended(int connection) {
    return ended.computeIfAbsent(connection, n -> new CountDownLatch(1));
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        return;
      }
      open.add(socket);
      int number = ++accepted;
      Behaviour behaviour = number <= script.size() ? script.get(number - 1) : answer();
      threads.execute(() -> serve(number, socket, behaviour));
    }
  }

  private void serve(int number, Socket socket, Behaviour behaviour) {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    try (socket) {
      InputStream raw = socket.getInputStream();
      Requests in = new Requests(raw, got);
      OutputStream out = socket.getOutputStream();
      if (behaviour instanceof CloseOnAccept) {
        return;
      }
      if (behaviour instanceof StopReading) {
        stopping.await();
        return;
      }
      if (behaviour instanceof CloseAfterRequestBytes cut) {
        byte[] buffer = new byte[4096];
        while (got.size() < cut.k()) {
          // unbuffered: exactly k bytes leave the socket, the rest stays unread
          int read = raw.read(buffer, 0, (int) Math.min(buffer.length, cut.k() - got.size()));
          if (read < 0) {
            return;
          }
          got.write(buffer, 0, read);
        }
        return;
      }
      int answered = 0;
      while (true) {
        Message request = in.next();
        if (request == null) {
          return;
        }
        journal.add(new Executed(number, request));
        byte[] response = MessageEncoder.encode(execute(request));
        if (behaviour instanceof CloseAfterRequest) {
          return;
        }
        if (behaviour instanceof BlackHole) {
          stopping.await();
          return;
        }
        if (behaviour instanceof Garbage garbage) {
          out.write(garbage.bytes());
          out.flush();
          continue;
        }
        if (behaviour instanceof CloseAfterResponseBytes cut) {
          out.write(response, 0, (int) Math.min(cut.j(), response.length));
          out.flush();
          if (cut.reset()) {
            socket.setSoLinger(true, 0);
          }
          return;
        }
        out.write(response);
        out.flush();
        answered++;
        if (behaviour instanceof AnswerThenClose then && answered >= then.requests()) {
          return;
        }
      }
    } catch (SocketException e) {
      // the client went away: part of the game
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      received.put(number, got.toByteArray());
      open.remove(socket);
      ended(number).countDown();
    }
  }

  /**
   * A connection's requests, decoded from whole reads: a server that decoded a several-MiB body a
   * byte at a time fell behind the client's timeout on a loaded machine, and looked stalled when
   * it was only slow. Bytes after one request are the start of the next.
   */
  private static final class Requests {
    private final InputStream in;
    private final ByteArrayOutputStream got;
    private final MessageDecoder decoder = new MessageDecoder(Direction.REQUEST);
    private final Deque<Message> complete = new ArrayDeque<>();
    private final byte[] buffer = new byte[RECEIVE_BUFFER];

    Requests(InputStream in, ByteArrayOutputStream got) {
      this.in = in;
      this.got = got;
    }

    /** The next complete request, or null at the end of the stream. */
    Message next() throws IOException {
      while (complete.isEmpty()) {
        int read = in.read(buffer);
        if (read < 0) {
          return null;
        }
        got.write(buffer, 0, read);
        complete.addAll(decoder.feed(buffer, 0, read));
      }
      return complete.removeFirst();
    }
  }

  private Message execute(Message request) {
    String verb = request.verb();
    List<String> args = new ArrayList<>();
    for (int i = 1; i < request.args().size(); i++) {
      args.add(request.args().bytes(i).utf8());
    }
    switch (verb) {
      case "hello":
        return Message.success("ok", "2");
      case "get":
        ByteString content = files.get(args.get(0));
        if (content == null) {
          return Message.failure("NoSuchFile", args.get(0));
        }
        return Message.success("ok").withBody(content);
      case "put":
        files.put(args.get(0), request.body());
        return Message.success("ok");
      case "append":
        ByteString old = files.getOrDefault(args.get(0), ByteString.EMPTY);
        files.put(args.get(0), ByteString.concat(List.of(old, request.body())));
        return Message.success("appended", Integer.toString(old.length()));
      case "insert_stream":
        files.put(args.get(0), request.body());
        return Message.success("ok", Integer.toString(request.bodyChunks().size()));
      default:
        return Message.failure("UnknownMethod", verb);
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    stopping.countDown();
    listener.close();
    for (Socket socket : open) {
      socket.close();
    }
    threads.shutdown();
    if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
      threads.shutdownNow();
      throw new AssertionError("scripted server threads did not end");
    }
  }
}
