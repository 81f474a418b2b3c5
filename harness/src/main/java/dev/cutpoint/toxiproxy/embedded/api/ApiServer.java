package dev.cutpoint.toxiproxy.embedded.api;

import dev.cutpoint.toxiproxy.embedded.toxic.LinkThreads;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * The HTTP/1.1 server under the API: a thread per connection, which reads a request, has the
 * handler answer it, and reads the next; calls on different connections run side by side, as in
 * Toxiproxy (the registry and the toxic collections lock for themselves). A nemesis makes its
 * calls one after another on a few kept-alive connections, which a blocked read serves with one
 * wake-up per call; the JDK's server, which hands a kept-alive connection back to its selector
 * after every exchange, cost a matrix an eighth more CPU (farm-bench, 4 pairs).
 *
 * <p>What it takes: a {@code Content-Length} or chunked body, {@code Expect: 100-continue} (curl
 * sends it before a larger body), keep-alive as HTTP/1.1 and 1.0 define it. Anything it cannot
 * read is a 400 (a head larger than {@value #MAX_HEAD_BYTES} bytes a 431), and the connection
 * closes; a body beyond the handler's bound is the handler's to refuse.
 */
final class ApiServer implements Closeable {

  /** Answers one request; the body stream ends where the request's body does. */
  @FunctionalInterface
  interface Handler {
    Reply handle(String method, String path, Optional<String> userAgent, InputStream body)
        throws IOException;
  }

  static final int MAX_HEAD_BYTES = 64 * 1024;
  /** A bound on the accept loop's end after a close, against a JDK that never wakes it. */
  private static final long CLOSE_SAFETY_NET_SECONDS = 30;
  /** How much a closing connection reads of what its client still sends. */
  private static final long MAX_LINGER_BYTES = 16L << 20;
  /** What is read of a body the handler left unread before the connection is given up. */
  private static final long MAX_DRAIN_BYTES = 2L << 20;
  private static final Map<Integer, String> REASONS = Map.of(
      200, "OK", 201, "Created", 204, "No Content", 400, "Bad Request", 403, "Forbidden",
      404, "Not Found", 405, "Method Not Allowed", 409, "Conflict", 431,
      "Request Header Fields Too Large", 500, "Internal Server Error");

  private final ServerSocket server;
  private final Handler handler;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  /**
   * Counted down when the accept loop has left: a thread blocked in accept keeps the listening
   * socket open after its close returns, so a close waits for it, and the port is free after.
   */
  private final CountDownLatch acceptEnded = new CountDownLatch(1);
  /**
   * The connections being served: a close waits for their handlers too, so that no call (a
   * populate, say) changes the registry after the API's close has returned.
   */
  private final Phaser serving = new Phaser(1);
  private volatile boolean closed;

  private ApiServer(ServerSocket server, Handler handler) {
    this.server = server;
    this.handler = handler;
  }

  /** Listens on {@code address} (port 0: any free port) and serves until closed. */
  static ApiServer start(InetSocketAddress address, Handler handler) throws IOException {
    ServerSocket socket = new ServerSocket();
    try {
      socket.bind(address, 64);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    ApiServer server = new ApiServer(socket, handler);
    LinkThreads.execute("toxiproxy-api-accept", server::acceptLoop);
    return server;
  }

  InetSocketAddress address() {
    return (InetSocketAddress) server.getLocalSocketAddress();
  }

  private void acceptLoop() {
    try {
      accept();
    } finally {
      acceptEnded.countDown();
    }
  }

  private void accept() {
    long pauseMillis = 0;
    while (!closed) {
      Socket socket;
      try {
        socket = server.accept();
        pauseMillis = 0;
      } catch (IOException e) {
        if (closed) {
          return;
        }
        // out of descriptors, say: nothing announces one freed, so, as Go's server does, try again
        // after a pause, from 5 ms up to a second; no case waits on it, only the API's next call
        pauseMillis = Math.min(1000, Math.max(5, pauseMillis * 2));
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pauseMillis));
        continue;
      }
      connections.add(socket);
      serving.register();
      if (closed) {
        connections.remove(socket);
        serving.arriveAndDeregister();
        closeQuietly(socket);
        return;
      }
      LinkThreads.execute("toxiproxy-api-" + socket.getPort(), () -> serve(socket));
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = new ConnectionInput(socket.getInputStream());
      OutputStream out = new BufferedOutputStream(socket.getOutputStream());
      boolean open = true;
      while (open && !closed) {
        open = exchange(socket, in, out);
      }
    } catch (IOException peerGoneOrServerClosed) {
      // nothing is owed to a connection that is gone
    } finally {
      connections.remove(socket);
      serving.arriveAndDeregister();
    }
  }

  /** Serves one request; returns whether the connection stays open for the next. */
  private boolean exchange(Socket socket, InputStream in, OutputStream out) throws IOException {
    RequestHead head;
    try {
      Optional<RequestHead> read = RequestHead.read(in);
      if (read.isEmpty()) {
        return false; // the client closed between requests
      }
      head = read.get();
    } catch (BadRequest e) {
      refuse(socket, in, out, e);
      return false;
    }
    String path;
    try {
      path = RequestTarget.path(head.target());
    } catch (BadRequest e) {
      refuse(socket, in, out, e);
      return false;
    }
    InputStream body = head.chunked() ? new ChunkedBody(in) : new BoundedBody(in, head.contentLength());
    if (head.expectsContinue() && head.hasBody()) {
      // only once the handler reads: one that answers without the body spares the client sending it
      body = new ContinueFirst(body, out);
    }
    Reply reply;
    try {
      reply = handler.handle(head.method(), path, head.userAgent(), body);
    } catch (BadRequest e) {
      refuse(socket, in, out, e);
      return false;
    } catch (RuntimeException e) {
      write(out, 500, Reply.text(500, "internal error: " + e + "\n"), head.isHead(), true);
      lingeringClose(socket, in);
      return false;
    }
    // the rest of a body the handler did not read, so that the next request starts at its head; a
    // client still sending one it was not told to continue with gets its answer and a close
    boolean unsent = body instanceof ContinueFirst continueFirst && !continueFirst.continued();
    boolean keep = head.keepAlive() && !unsent && drain(body);
    write(out, reply.status(), reply, head.isHead(), !keep);
    if (!keep) {
      lingeringClose(socket, in);
    }
    return keep;
  }

  private static void refuse(Socket socket, InputStream in, OutputStream out, BadRequest e) throws IOException {
    write(out, e.status(), Reply.text(e.status(), e.getMessage() + "\n"), false, true);
    lingeringClose(socket, in);
  }

  /**
   * Ends the connection after an answer without losing it: closing with request bytes unread
   * makes the kernel send RST, which can overtake the answer. The writing side is shut first, so
   * the client reads the answer to its end and closes; what it still sends meanwhile is read and
   * dropped, bounded in bytes, until it does (or until the API closes every connection).
   */
  private static void lingeringClose(Socket socket, InputStream in) {
    try {
      socket.shutdownOutput();
      discard(in, MAX_LINGER_BYTES);
    } catch (IOException gone) {
      // the close that follows ends it either way
    }
  }

  /** The rest of a body the handler left: whether it ended within the bound, well-formed. */
  private static boolean drain(InputStream body) throws IOException {
    try {
      return discard(body, MAX_DRAIN_BYTES);
    } catch (BadRequest | EOFException endedEarlyOrMalformed) {
      return false;
    }
  }

  /** Reads and drops {@code in} to its end; whether the end came within {@code limit} bytes. */
  private static boolean discard(InputStream in, long limit) throws IOException {
    byte[] sink = new byte[8192];
    long dropped = 0;
    for (int n = in.read(sink); n >= 0; n = in.read(sink)) {
      dropped += n;
      if (dropped > limit) {
        return false;
      }
    }
    return true;
  }

  private static void write(OutputStream out, int status, Reply reply, boolean head, boolean close)
      throws IOException {
    StringBuilder text = new StringBuilder("HTTP/1.1 ").append(status).append(' ')
        .append(REASONS.getOrDefault(status, "Status")).append("\r\n");
    text.append("Content-Type: ").append(reply.contentType()).append("\r\n");
    if (status != 204) {
      text.append("Content-Length: ").append(reply.body().length).append("\r\n");
    }
    if (close) {
      text.append("Connection: close\r\n");
    }
    out.write(text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    if (!head && status != 204) {
      out.write(reply.body());
    }
    out.flush();
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(server);
    connections.forEach(ApiServer::closeQuietly);
    try {
      if (!acceptEnded.await(CLOSE_SAFETY_NET_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the API's accept loop did not end within "
            + CLOSE_SAFETY_NET_SECONDS + " s of its socket's close");
      }
      serving.awaitAdvanceInterruptibly(serving.arriveAndDeregister(), CLOSE_SAFETY_NET_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException e) {
      throw new IllegalStateException("a call to the API did not end within "
          + CLOSE_SAFETY_NET_SECONDS + " s of the close", e);
    }
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException ignored) {
      // closing is all that was wanted
    }
  }

  /** A request that cannot be read: answered with its status, and the connection closed. */
  static final class BadRequest extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;

    BadRequest(int status, String message) {
      super(message);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  /** The request line and the headers the server acts on. */
  record RequestHead(
      String method,
      String target,
      Optional<String> userAgent,
      long contentLength,
      boolean chunked,
      boolean expectsContinue,
      boolean keepAlive) {

    boolean hasBody() {
      return chunked || contentLength > 0;
    }

    boolean isHead() {
      return method.equals("HEAD");
    }

    /** Reads a head, or nothing when the stream ends before its first byte. */
    static Optional<RequestHead> read(InputStream in) throws IOException {
      int[] budget = {MAX_HEAD_BYTES};
      String line = Lines.read(in, budget);
      while (line != null && line.isEmpty()) {
        line = Lines.read(in, budget); // a stray CRLF between requests is allowed
      }
      if (line == null) {
        return Optional.empty();
      }
      String[] parts = line.split(" ", -1);
      if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()
          || !(parts[2].equals("HTTP/1.1") || parts[2].equals("HTTP/1.0"))) {
        throw new BadRequest(400, "malformed request line");
      }
      boolean http10 = parts[2].equals("HTTP/1.0");
      Optional<String> agent = Optional.empty();
      long length = -1;
      boolean chunked = false;
      boolean expects = false;
      Optional<String> connection = Optional.empty();
      for (String header = Lines.read(in, budget); ; header = Lines.read(in, budget)) {
        if (header == null) {
          throw new BadRequest(400, "the request ended in its headers");
        }
        if (header.isEmpty()) {
          break;
        }
        int colon = header.indexOf(':');
        if (colon <= 0 || !header.substring(0, colon).chars().allMatch(RequestHead::isTokenChar)) {
          // "Content-Length : 2" is refused, as Go does: two readers must never frame it apart
          throw new BadRequest(400, "malformed header line");
        }
        String name = header.substring(0, colon).toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).trim();
        switch (name) {
          case "user-agent" -> agent = Optional.of(value);
          case "content-length" -> {
            long declared = contentLength(value);
            if (length >= 0 && length != declared) {
              throw new BadRequest(400, "conflicting Content-Length");
            }
            length = declared;
          }
          case "transfer-encoding" -> {
            if (!value.equalsIgnoreCase("chunked")) {
              throw new BadRequest(400, "unsupported Transfer-Encoding: " + value);
            }
            chunked = true;
          }
          // an HTTP/1.0 client would take the interim answer for the final one
          case "expect" -> expects = !http10 && value.equalsIgnoreCase("100-continue");
          case "connection" -> connection = Optional.of(value.toLowerCase(Locale.ROOT));
          default -> {
            // nothing else changes how the request is read or answered
          }
        }
      }
      if (chunked && length >= 0) {
        throw new BadRequest(400, "both Content-Length and Transfer-Encoding");
      }
      boolean keepAlive = http10
          ? connection.filter(c -> c.contains("keep-alive")).isPresent()
          : connection.filter(c -> c.contains("close")).isEmpty();
      return Optional.of(new RequestHead(
          parts[0], parts[1], agent, Math.max(0, length), chunked, expects, keepAlive));
    }

    /** RFC 9110's tchar. */
    private static boolean isTokenChar(int c) {
      return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }

    private static long contentLength(String value) throws BadRequest {
      if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
        throw new BadRequest(400, "malformed Content-Length: " + value);
      }
      return Long.parseLong(value);
    }
  }

  /** Header lines: CRLF or a bare LF, ISO-8859-1, within what is left of the head's budget. */
  static final class Lines {
    private Lines() {}

    /** A line without its end, or null at the end of the stream before any byte of it. */
    static String read(InputStream in, int[] budget) throws IOException {
      StringBuilder line = new StringBuilder();
      while (true) {
        int c = in.read();
        if (c < 0) {
          if (line.length() == 0) {
            return null;
          }
          throw new BadRequest(400, "the request ended in a line");
        }
        if (--budget[0] < 0) {
          throw new BadRequest(431, "request head larger than " + MAX_HEAD_BYTES + " bytes");
        }
        if (c == '\n') {
          int n = line.length();
          return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
        }
        line.append((char) c);
      }
    }
  }

  /** A request's body: read in blocks; a single byte is a block of one. */
  abstract static class Body extends InputStream {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }
  }

  /** The next {@code length} bytes of the connection. */
  static final class BoundedBody extends Body {
    private final InputStream in;
    private long left;

    BoundedBody(InputStream in, long length) {
      this.in = in;
      this.left = length;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left == 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n < 0) {
        throw new EOFException(left + " bytes of the body never came");
      }
      left -= n;
      return n;
    }
  }

  /** A chunked body (RFC 9112 §7.1): sizes in hex, extensions and trailers read and dropped. */
  static final class ChunkedBody extends Body {
    private final InputStream in;
    private long left;
    private boolean ended;

    ChunkedBody(InputStream in) {
      this.in = in;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (ended) {
        return -1;
      }
      if (left == 0) {
        left = nextSize();
        if (left == 0) {
          trailers();
          ended = true;
          return -1;
        }
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n < 0) {
        throw new BadRequest(400, "the request ended in a chunk");
      }
      left -= n;
      if (left == 0) {
        endOfChunk();
      }
      return n;
    }

    private long nextSize() throws IOException {
      String line;
      try {
        line = Lines.read(in, new int[] {1024});
      } catch (BadRequest tooLong) {
        throw new BadRequest(400, "a chunk size line longer than 1024 bytes");
      }
      if (line == null) {
        throw new BadRequest(400, "the request ended before a chunk's size");
      }
      int semicolon = line.indexOf(';');
      String size = (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
      if (size.isEmpty() || size.length() > 15 || !size.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        throw new BadRequest(400, "malformed chunk size: " + line);
      }
      return Long.parseLong(size, 16);
    }

    private void endOfChunk() throws IOException {
      int c = in.read();
      if (c == '\r') {
        c = in.read();
      }
      if (c != '\n') {
        throw new BadRequest(400, "a chunk longer than its size");
      }
    }

    private void trailers() throws IOException {
      int[] budget = {MAX_HEAD_BYTES};
      for (String line = Lines.read(in, budget); !"".equals(line); line = Lines.read(in, budget)) {
        if (line == null) {
          throw new BadRequest(400, "the request ended in its trailers");
        }
      }
    }
  }

  /** A body that tells the client to go on (100 Continue) when it is first read. */
  static final class ContinueFirst extends InputStream {
    private final InputStream body;
    private final OutputStream out;
    private boolean continued;

    ContinueFirst(InputStream body, OutputStream out) {
      this.body = body;
      this.out = out;
    }

    boolean continued() {
      return continued;
    }

    private void goOn() throws IOException {
      if (!continued) {
        continued = true;
        out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    }

    @Override
    public int read() throws IOException {
      goOn();
      return body.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      goOn();
      return body.read(b, off, len);
    }
  }

  /** The path of a request target, percent-decoded as UTF-8, its query dropped. */
  static final class RequestTarget {
    private RequestTarget() {}

    static String path(String target) throws BadRequest {
      String path = target;
      if (!path.startsWith("/")) {
        // the absolute form, http://host:port/path, which a client may send to any server
        int scheme = path.indexOf("://");
        if (scheme <= 0) {
          throw new BadRequest(400, "malformed request target");
        }
        int slash = path.indexOf('/', scheme + 3);
        path = slash < 0 ? "/" : path.substring(slash);
      }
      int query = path.indexOf('?');
      if (query >= 0) {
        path = path.substring(0, query);
      }
      int fragment = path.indexOf('#');
      if (fragment >= 0) {
        path = path.substring(0, fragment);
      }
      if (path.chars().allMatch(c -> c != '%' && c < 0x80)) {
        return path;
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(path.length());
      for (int i = 0; i < path.length(); i++) {
        char c = path.charAt(i);
        if (c != '%') {
          bytes.write(c);
          continue;
        }
        int high = i + 2 < path.length() ? Character.digit(path.charAt(i + 1), 16) : -1;
        int low = high >= 0 ? Character.digit(path.charAt(i + 2), 16) : -1;
        if (low < 0) {
          throw new BadRequest(400, "malformed percent-encoding in the request target");
        }
        bytes.write(high * 16 + low);
        i += 2;
      }
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
