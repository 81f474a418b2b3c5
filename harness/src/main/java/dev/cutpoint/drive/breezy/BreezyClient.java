package dev.cutpoint.drive.breezy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutpoint.drive.ClientCommand;
import dev.cutpoint.drive.breezy.DriverReplies.MalformedReply;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A client that speaks the driver protocol (docs/driver-protocol.md, version {@value
 * DriverInfo#PROTOCOL}), seen from Java: Breezy's real smart-protocol client run by its Python
 * driver ({@code driver.py}, the protocol's reference implementation), or the user's {@link
 * ClientCommand}; one process for a whole batch of cases. Each {@link #call} is one call of the
 * client, with its own resend logic (for Breezy, {@code _SmartClient}'s), and comes back as a
 * {@link CallRecord} of its outcome and attempts. Every new connection waits at the {@link
 * ConnectionGate} first.
 *
 * <p>Nothing waits for ever: each answer of the driver has a deadline, and a driver that misses
 * it is killed ({@link DriverTimeout}). Calls are synchronous; one thread at a time, except {@link
 * #expire}, which any thread may call while a call waits.
 */
public final class BreezyClient implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int QUOTE_LIMIT = 500;

  private final DriverProcess driver;
  private final ConnectionGate gate;
  private final Duration deadline;
  private final DriverInfo info;
  private long nextCallId = 1;
  /** The id of the call in progress, 0 between calls: what an expire is for. */
  private volatile long inProgress;
  private boolean opened;

  private BreezyClient(DriverProcess driver, ConnectionGate gate, Duration deadline) {
    this.driver = driver;
    this.gate = gate;
    this.deadline = deadline;
    this.info = hello();
  }

  /**
   * Starts Breezy's driver and checks that it answers.
   *
   * @param gate called before each new connection
   * @param deadline the longest the driver may take to answer anything; a call's deadline starts
   *     again after each gate, so it must cover one attempt: at least a few read timeouts
   */
  public static BreezyClient start(
      BreezyInstallation installation, ConnectionGate gate, Duration deadline) {
    checkArguments(gate, deadline);
    return start(DriverProcess.start(installation), gate, deadline);
  }

  /**
   * Starts the user's client and checks that it answers {@code hello} in this protocol version.
   *
   * @throws DriverFailure in one line with the end of its stderr, when it exits, does not answer,
   *     or speaks another protocol
   */
  public static BreezyClient start(ClientCommand command, ConnectionGate gate, Duration deadline) {
    checkArguments(gate, deadline);
    return start(DriverProcess.start(command), gate, deadline);
  }

  private static void checkArguments(ConnectionGate gate, Duration deadline) {
    Objects.requireNonNull(gate, "gate");
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("the deadline must be positive, got " + deadline);
    }
  }

  private static BreezyClient start(DriverProcess driver, ConnectionGate gate, Duration deadline) {
    try {
      return new BreezyClient(driver, gate, deadline);
    } catch (RuntimeException e) {
      driver.close();
      throw e;
    }
  }

  /** What the client said of itself in its hello: protocol, name, request headers, process id. */
  public DriverInfo info() {
    return info;
  }

  /** Whether the driver process is still running. */
  public boolean alive() {
    return driver.alive();
  }

  /** The end of the driver's stderr. */
  public String driverLog() {
    return driver.log();
  }

  /**
   * Gives the driver a fresh client for the server at {@code host}:{@code port} (the previous one
   * is disconnected). Also the way to recover a Breezy client that a failure left unusable.
   */
  public synchronized void open(String host, int port, ClientSettings settings) {
    ObjectNode command = JSON.createObjectNode();
    command.put("op", "open");
    command.put("host", host);
    command.put("port", port);
    command.put("readTimeout", settings.readTimeout().toNanos() / 1e9);
    command.put("noretry", settings.noRetry());
    exchange(command, "opened", "open " + host + ":" + port, false);
    opened = true;
  }

  /**
   * Makes one call with Breezy's client, letting each new connection through the gate.
   *
   * @return the call's outcome and attempts; Breezy's exceptions are data here, not thrown
   * @throws DriverFailure when the driver broke, in which case it is no longer usable
   * @throws IllegalStateException before {@link #open}
   */
  public synchronized CallRecord call(BreezyCall call) {
    if (!opened) {
      throw new IllegalStateException("open a server before calling it");
    }
    long id = nextCallId++;
    ObjectNode command = JSON.createObjectNode();
    command.put("op", "call");
    command.put("id", id);
    command.put("method", call.method().pythonName());
    command.put("verb", call.verb());
    ArrayNode args = command.putArray("args");
    call.args().forEach(args::add);
    call.body().ifPresent(body -> command.put("body", Base64.getEncoder().encodeToString(body)));
    if (call.method().takesStream()) {
      ArrayNode stream = command.putArray("stream");
      call.stream().forEach(chunk -> stream.add(Base64.getEncoder().encodeToString(chunk)));
    }
    String during = "call #" + id + " " + call.verb();
    JsonNode reply;
    inProgress = id;
    try {
      reply = exchange(command, "result", during, true);
    } finally {
      inProgress = 0;
    }
    try {
      CallRecord record = DriverReplies.callRecord(reply);
      if (record.callId() != id) {
        throw new MalformedReply("the result of call #" + record.callId() + " came for #" + id);
      }
      return record;
    } catch (MalformedReply e) {
      throw broken(during, e.getMessage());
    }
  }

  /**
   * Ends the wait of the call in progress on its connection as a socket timeout would: Breezy's
   * call fails with {@code TimeoutError: timed out}, as after a real timeout. For a call the harness
   * knows is black-holed; callable from any thread while {@link #call} waits (not synchronized, or
   * it would wait for the call). Between calls it does nothing; an expire that reaches the driver
   * after its call ended is ignored there.
   *
   * @throws DriverExited when the driver can no longer be written to
   */
  public void expire() {
    long id = inProgress;
    if (id != 0) {
      driver.send("{\"op\":\"expire\",\"id\":" + id + "}", "expire of call #" + id);
    }
  }

  /**
   * Closes the client's connection, as Breezy's {@code RemoteTransport.disconnect} does, so that
   * the next call opens a new one.
   *
   * @return whether it was connected
   */
  public synchronized boolean disconnect() {
    ObjectNode command = JSON.createObjectNode();
    command.put("op", "disconnect");
    JsonNode reply = exchange(command, "disconnected", "disconnect", false);
    JsonNode was = reply.get("wasConnected");
    if (was == null || !was.isBoolean()) {
      throw broken("disconnect", "no \"wasConnected\" in " + quote(reply.toString()));
    }
    return was.asBoolean();
  }

  /** Ends the driver (it exits when its input closes) and deletes its files. */
  @Override
  public synchronized void close() {
    driver.close();
  }

  private DriverInfo hello() {
    ObjectNode command = JSON.createObjectNode();
    command.put("op", "hello");
    JsonNode reply = exchange(command, "hello", "hello", false);
    OptionalInt protocol = DriverReplies.protocol(reply);
    if (protocol.isEmpty() || protocol.getAsInt() != DriverInfo.PROTOCOL) {
      // nothing else it says can be read safely
      driver.kill();
      throw new UnsupportedDriverProtocol(driver.name(), protocol, driver.log());
    }
    try {
      return DriverReplies.driverInfo(reply);
    } catch (MalformedReply e) {
      throw broken("hello", e.getMessage());
    }
  }

  /**
   * Sends {@code command} and reads lines until its reply, answering connect events through the
   * gate while {@code gated}.
   */
  private JsonNode exchange(ObjectNode command, String expected, String during, boolean gated) {
    driver.send(command.toString(), during);
    while (true) {
      String line = driver.receive(deadline, during);
      JsonNode message;
      try {
        message = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        throw broken(during, "not JSON: " + quote(line));
      }
      if (message == null || !message.isObject()) {
        throw broken(during, "not a JSON object: " + quote(line));
      }
      if (message.has("event")) {
        if (!gated || !"connect".equals(message.get("event").asText())) {
          throw broken(during, "unexpected event " + quote(line));
        }
        passGate(message, during);
        continue;
      }
      String reply = message.path("reply").asText("");
      if (reply.equals(expected)) {
        return message;
      }
      if (reply.equals("error")) {
        // the driver refused the command and is ready for the next one
        throw new DriverProtocolError(
            message.path("type").asText("?"), message.path("message").asText(""), driver.log());
      }
      throw broken(during, "expected a \"" + expected + "\" reply, got " + quote(line));
    }
  }

  private void passGate(JsonNode event, String during) {
    PendingConnect pending;
    try {
      pending = DriverReplies.pendingConnect(event);
    } catch (MalformedReply e) {
      throw broken(during, e.getMessage());
    }
    try {
      gate.beforeConnect(pending);
    } catch (RuntimeException | Error e) {
      // the driver waits for a go that will not come
      driver.kill();
      throw e;
    }
    driver.send("{\"go\":true}", during);
  }

  /** The driver said something outside its protocol: it cannot be trusted any more. */
  private DriverProtocolError broken(String during, String what) {
    driver.kill();
    return new DriverProtocolError("BadReply", driver.name() + ", " + during + ": " + what, driver.log());
  }

  private static String quote(String line) {
    return line.length() <= QUOTE_LIMIT ? line : line.substring(0, QUOTE_LIMIT) + "...";
  }
}
