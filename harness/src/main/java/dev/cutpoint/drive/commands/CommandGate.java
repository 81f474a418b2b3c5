package dev.cutpoint.drive.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutpoint.history.FailureSite;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The harness's end of the gate plugin (resource {@code cutpoint_gate/__init__.py}): a loopback
 * socket each gated brz process connects to, and the loop that answers its JSON lines.
 */
final class CommandGate implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ServerSocketChannel server = ServerSocketChannel.open();
  /** Wakes the accept for a connection, or for the process's exit: nothing is polled. */
  private final Selector arrivals;
  private final int port;

  CommandGate() throws IOException {
    try {
      arrivals = Selector.open();
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
      server.configureBlocking(false);
      server.register(arrivals, SelectionKey.OP_ACCEPT);
      port = ((InetSocketAddress) server.getLocalAddress()).getPort();
    } catch (IOException e) {
      server.close();
      throw e;
    }
  }

  /** The value of {@code CUTPOINT_GATE}. */
  String address() {
    return "127.0.0.1:" + port;
  }

  /**
   * Serves one gated process until it exits or closes the gate.
   *
   * @return the calls it reported, in order
   */
  List<GateCall> serve(Process process, GateListener listener) throws IOException {
    Socket socket = accept(process);
    List<GateCall> calls = new ArrayList<>();
    if (socket == null) {
      return calls; // it ended before its first call (or made none)
    }
    try (socket;
        BufferedReader in = new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream()) {
      // longer than the black-hole watcher's own safety net, so that it speaks first
      socket.setSoTimeout((int) BrzProcesses.SAFETY_NET.toMillis() * 2);
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode event = JSON.readTree(line);
        JsonNode previous = event.path("previous");
        if (previous.isObject()) {
          GateCall done = call(previous);
          calls.add(done);
          listener.callEnded(done);
        }
        switch (event.path("event").asText()) {
          case "call" -> {
            JsonNode live = event.path("live");
            boolean disconnect = listener.beforeCall(event.path("call").asInt(),
                event.path("verb").asText(),
                live.isNumber() ? OptionalLong.of(live.asLong()) : OptionalLong.empty());
            reply(out, "{\"go\":true,\"disconnect\":" + disconnect + "}");
          }
          case "connect" -> {
            listener.beforeConnect(event.path("connection").asLong());
            reply(out, "{\"go\":true}");
          }
          case "written" -> listener.requestWritten(event.path("call").asInt(),
              event.path("attempt").asInt(), event.path("bytes").asLong());
          case "exit" -> {
            return calls;
          }
          default -> throw new CommandHarnessError("the gate plugin sent an unknown event: " + line);
        }
      }
    } catch (SocketTimeoutException e) {
      throw new CommandHarnessError("the gate plugin said nothing for "
          + BrzProcesses.SAFETY_NET.toSeconds() * 2 + " s; " + listener.state(), e);
    }
    return calls; // killed, or ended by os._exit before its exit function ran
  }

  /**
   * The process's connection, or null when it exits without one; the selector wakes for either
   * (the exit wakes it through {@link Process#onExit()}), and only the safety net is a time.
   */
  private Socket accept(Process process) throws IOException {
    long deadline = System.nanoTime() + BrzProcesses.SAFETY_NET.toNanos();
    process.onExit().thenRun(arrivals::wakeup);
    while (true) {
      SocketChannel channel = server.accept();
      if (channel != null) {
        channel.configureBlocking(true);
        return channel.socket();
      }
      if (!process.isAlive()) {
        return null;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new CommandHarnessError("brz did not reach the gate within "
            + BrzProcesses.SAFETY_NET.toSeconds() + " s");
      }
      arrivals.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      arrivals.selectedKeys().clear();
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static GateCall call(JsonNode node) {
    List<GateAttempt> attempts = new ArrayList<>();
    for (JsonNode a : node.path("attempts")) {
      JsonNode error = a.path("error");
      Optional<FailureSite> site = error.isObject()
          ? Optional.of(FailureSite.valueOf(error.path("site").asText().toUpperCase(Locale.ROOT)))
          : Optional.empty();
      Optional<String> text = error.isObject()
          ? Optional.of(error.path("type").asText() + ": " + error.path("message").asText())
          : Optional.empty();
      JsonNode connection = a.path("connection");
      attempts.add(new GateAttempt(a.path("attempt").asInt(),
          connection.isNumber() ? OptionalLong.of(connection.asLong()) : OptionalLong.empty(),
          a.path("newConnection").asBoolean(), a.path("bytesWritten").asLong(),
          a.path("writeCompleted").asBoolean(), a.path("bytesRead").asLong(), site, text));
    }
    return new GateCall(node.path("call").asInt(), node.path("verb").asText(),
        node.path("written").asLong(), node.path("read").asLong(), attempts);
  }

  @Override
  public void close() throws IOException {
    try (arrivals) {
      server.close();
    }
  }
}
