package dev.cutpoint.drive.breezy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A loopback smart server that misbehaves on cue, for what a real server will not do on demand:
 * each accepted connection is handed to the next {@link Script}. Just enough of the v3 format to
 * find a message's end; the reference server proper lives in {@code dev.cutpoint.server}.
 */
public final class ScriptedServer implements AutoCloseable {

  /** What to do with one connection. */
  @FunctionalInterface
  interface Script {
    void serve(Socket socket) throws IOException;
  }

  private static final byte[] MARKER = "bzr message 3 (bzr 1.6)\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HEADERS = hex("0000001c" + "6431363a536f6674776172652076657273696f6e353a332e332e3265");

  /** Breezy 3.3.2's answer to hello (wire-v3.json, "hello response"). */
  static final byte[] HELLO_RESPONSE = response("oS" + "s", "l2:ok1:2e", "");

  /** Breezy's answer to {@code get} of a file holding {@code hello world}. */
  static final byte[] GET_RESPONSE = response("oS" + "s", "l2:oke", "hello world");

  /** Breezy's answer to {@code put}. */
  static final byte[] PUT_RESPONSE = response("oS" + "s", "l2:oke", "");

  private final ServerSocket listener;
  private final Deque<Script> scripts = new ConcurrentLinkedDeque<>();
  private final List<Thread> threads = new ArrayList<>();
  private final List<Socket> sockets = new ArrayList<>();
  private final Thread acceptor;

  ScriptedServer(List<Script> scripts) throws IOException {
    this.scripts.addAll(scripts);
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "scripted-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Reads one whole request message (marker, headers, parts, the terminal {@code e}). */
  public static byte[] readMessage(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    byte[] marker = data.readNBytes(MARKER.length);
    message.write(marker);
    message.write(prefixed(data));
    while (true) {
      int kind = data.read();
      if (kind < 0) {
        throw new EOFException("message ends before its terminal e");
      }
      message.write(kind);
      switch (kind) {
        case 'e' -> {
          return message.toByteArray();
        }
        case 'o' -> message.write(data.readByte());
        case 's', 'b' -> message.write(prefixed(data));
        default -> throw new IOException("not a v3 part: " + (char) kind);
      }
    }
  }

  /** Reads requests and answers each with {@code response}, until the client leaves. */
  static Script answering(byte[] response) {
    return socket -> {
      while (true) {
        try {
          readMessage(socket.getInputStream());
        } catch (EOFException e) {
          return;
        }
        socket.getOutputStream().write(response);
      }
    };
  }

  /** Answers one request with {@code response}, then closes: the live upgrade of bug 819604. */
  static Script answeringOnceThenClosing(byte[] response) {
    return socket -> {
      readMessage(socket.getInputStream());
      socket.getOutputStream().write(response);
      socket.getOutputStream().flush();
      socket.close();
    };
  }

  /** Reads one request, sends the first {@code length} bytes of {@code response}, closes. */
  static Script cutting(byte[] response, int length) {
    return socket -> {
      readMessage(socket.getInputStream());
      socket.getOutputStream().write(response, 0, length);
      socket.getOutputStream().flush();
      socket.close();
    };
  }

  /** Reads one request and closes without a word. */
  static Script readingThenClosing() {
    return socket -> {
      readMessage(socket.getInputStream());
      socket.close();
    };
  }

  /**
   * Resets the connection (RST) without reading a byte. A request larger than what can be in
   * flight unread (the client's send buffer, at most {@code tcp_wmem}'s 4 MiB, plus an unread
   * receive window that never grows, since Linux grows it only as the application reads) cannot
   * have been written whole by then: its write fails.
   */
  static Script resetting() {
    return socket -> {
      socket.setSoLinger(true, 0);
      socket.close();
    };
  }

  /** Reads one request and never answers: a black hole, until the server closes. */
  static Script silent() {
    return socket -> {
      readMessage(socket.getInputStream());
      socket.getInputStream().read();
    };
  }

  @Override
  public void close() throws IOException {
    listener.close();
    synchronized (sockets) {
      for (Socket socket : sockets) {
        socket.close();
      }
    }
    try {
      acceptor.join(5_000);
      synchronized (threads) {
        for (Thread thread : threads) {
          thread.join(5_000);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        return;
      }
      Script script = scripts.poll();
      synchronized (sockets) {
        sockets.add(socket);
      }
      Thread thread =
          new Thread(
              () -> {
                try (socket) {
                  if (script != null) {
                    script.serve(socket);
                  }
                } catch (IOException e) {
                  // the client went away: the script's business is over
                }
              },
              "scripted-connection");
      thread.setDaemon(true);
      synchronized (threads) {
        threads.add(thread);
      }
      thread.start();
    }
  }

  private static byte[] prefixed(DataInputStream data) throws IOException {
    int length = data.readInt();
    if (length < 0 || length > 64 << 20) {
      throw new IOException("implausible part length " + length);
    }
    ByteArrayOutputStream part = new ByteArrayOutputStream();
    part.write(length >>> 24);
    part.write(length >>> 16);
    part.write(length >>> 8);
    part.write(length);
    part.write(data.readNBytes(length));
    return part.toByteArray();
  }

  private static byte[] response(String status, String args, String body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(MARKER);
    out.writeBytes(HEADERS);
    out.writeBytes(status.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(length(args.length()));
    out.writeBytes(args.getBytes(StandardCharsets.US_ASCII));
    if (!body.isEmpty()) {
      out.write('b');
      out.writeBytes(length(body.length()));
      out.writeBytes(body.getBytes(StandardCharsets.US_ASCII));
    }
    out.write('e');
    return out.toByteArray();
  }

  private static byte[] length(int length) {
    return new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
        (byte) length};
  }

  private static byte[] hex(String hex) {
    return java.util.HexFormat.of().parseHex(hex);
  }
}
