package dev.cutpoint.drive.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutpoint.history.FailureSite;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The harness's end of the gate plugin (resource {@code cutpoint_gate/__init__.py}): a loopback
 * socket each gated brz process connects to, and the loop that answers its JSON lines.
 */
final class CommandGate implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** How often the accept looks whether the process has ended without connecting. */
  private static final int ACCEPT_POLL_MILLIS = 100;

  private final ServerSocket server;

  CommandGate() throws IOException {
    server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
    server.setSoTimeout(ACCEPT_POLL_MILLIS);
  }

  /** The value of {@code CUTPOINT_GATE}. */
  String address() {
    return "127.0.0.1:" + server.getLocalPort();
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

  private Socket accept(Process process) throws IOException {
    long deadline = System.nanoTime() + BrzProcesses.SAFETY_NET.toNanos();
    while (true) {
      try {
        return server.accept();
      } catch (SocketTimeoutException notYet) {
        if (!process.isAlive()) {
          return null;
        }
        if (System.nanoTime() - deadline > 0) {
          throw new CommandHarnessError("brz did not reach the gate within "
              + BrzProcesses.SAFETY_NET.toSeconds() + " s");
        }
      }
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
    server.close();
  }
}
