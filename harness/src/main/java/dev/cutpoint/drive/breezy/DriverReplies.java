package dev.cutpoint.drive.breezy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cutpoint.history.FailureSite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The driver's JSON replies read into records, strictly: a missing field or a field of the wrong
 * type is a {@link MalformedReply}, never a default.
 */
final class DriverReplies {

  /** A reply that does not follow the driver's protocol. */
  static final class MalformedReply extends Exception {
    MalformedReply(String message) {
      super(message);
    }
  }

  private DriverReplies() {}

  /** The protocol version a hello reply names, if it names one (read before anything else). */
  static OptionalInt protocol(JsonNode hello) {
    JsonNode value = hello.get("protocol");
    return value != null && value.isInt()
        ? OptionalInt.of(value.asInt())
        : OptionalInt.empty();
  }

  /** A hello reply of protocol {@link DriverInfo#PROTOCOL}. */
  static DriverInfo driverInfo(JsonNode reply) throws MalformedReply {
    JsonNode headers = field(reply, "headers");
    if (!headers.isObject()) {
      throw new MalformedReply("\"headers\" must be an object of strings, got " + headers);
    }
    Map<String, String> byName = new TreeMap<>();
    for (Map.Entry<String, JsonNode> header : (Iterable<Map.Entry<String, JsonNode>>) headers::fields) {
      String name = header.getKey();
      String value = textValue(header.getValue(), "headers." + name);
      if ((name + value).chars().anyMatch(c -> c > 0xFF)) {
        throw new MalformedReply("header " + name + " holds a character that is not a byte: " + value);
      }
      byName.put(name, value);
    }
    String client = text(reply, "client");
    if (client.isBlank()) {
      throw new MalformedReply("\"client\" is empty");
    }
    return new DriverInfo((int) integer(reply, "protocol"), client, byName, integer(reply, "pid"));
  }

  static PendingConnect pendingConnect(JsonNode event) throws MalformedReply {
    return new PendingConnect(
        integer(event, "id"), (int) integer(event, "attempt"), integer(event, "connection"));
  }

  static CallRecord callRecord(JsonNode reply) throws MalformedReply {
    List<AttemptRecord> attempts = new ArrayList<>();
    for (JsonNode attempt : array(reply, "attempts")) {
      attempts.add(attempt(attempt));
    }
    List<String> warnings = new ArrayList<>();
    for (JsonNode warning : array(reply, "warnings")) {
      warnings.add(textValue(warning, "warnings[]"));
    }
    double millis = number(reply, "elapsedMs");
    return new CallRecord(
        integer(reply, "id"),
        outcome(field(reply, "outcome")),
        attempts,
        warnings,
        bool(reply, "expired"),
        bool(reply, "safetyNet"),
        Duration.ofNanos(Math.round(millis * 1_000_000)));
  }

  private static CallOutcome outcome(JsonNode outcome) throws MalformedReply {
    String kind = text(outcome, "kind");
    switch (kind) {
      case "response":
        return new CallOutcome.Response(texts(outcome, "args"), optionalBase64(outcome, "body"));
      case "serverError":
        List<String> args = texts(outcome, "args");
        if (args.isEmpty()) {
          throw new MalformedReply("a serverError outcome without its error name: " + outcome);
        }
        return new CallOutcome.ServerError(args);
      case "exception":
        return new CallOutcome.ClientException(
            text(outcome, "type"), text(outcome, "module"), text(outcome, "message"));
      default:
        throw new MalformedReply("unknown outcome kind " + kind);
    }
  }

  private static AttemptRecord attempt(JsonNode attempt) throws MalformedReply {
    JsonNode connection = field(attempt, "connection");
    if (!connection.isNull() && !connection.canConvertToLong()) {
      throw new MalformedReply("connection must be an integer or null: " + attempt);
    }
    JsonNode started = field(attempt, "bodyStreamStarted");
    if (!started.isNull() && !started.isBoolean()) {
      throw new MalformedReply("bodyStreamStarted must be a boolean or null: " + attempt);
    }
    JsonNode error = field(attempt, "error");
    try {
      return new AttemptRecord(
          (int) integer(attempt, "attempt"),
          connection.isNull() ? OptionalLong.empty() : OptionalLong.of(connection.asLong()),
          bool(attempt, "newConnection"),
          integer(attempt, "bytesWritten"),
          bool(attempt, "writeCompleted"),
          integer(attempt, "bytesRead"),
          bool(attempt, "endOfStream"),
          (int) integer(attempt, "streamChunksSent"),
          started.isNull() ? Optional.empty() : Optional.of(started.asBoolean()),
          error.isNull() ? Optional.empty() : Optional.of(attemptError(error)));
    } catch (IllegalArgumentException e) {
      throw new MalformedReply(e.getMessage() + ": " + attempt);
    }
  }

  private static AttemptError attemptError(JsonNode error) throws MalformedReply {
    String site = text(error, "site");
    FailureSite failureSite;
    try {
      failureSite = FailureSite.valueOf(site.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new MalformedReply("unknown error site " + site);
    }
    return new AttemptError(
        failureSite, text(error, "type"), text(error, "module"), text(error, "message"));
  }

  private static JsonNode field(JsonNode node, String name) throws MalformedReply {
    JsonNode value = node.get(name);
    if (value == null) {
      throw new MalformedReply("no \"" + name + "\" in " + node);
    }
    return value;
  }

  static String text(JsonNode node, String name) throws MalformedReply {
    return textValue(field(node, name), name);
  }

  private static String textValue(JsonNode value, String name) throws MalformedReply {
    if (!value.isTextual()) {
      throw new MalformedReply("\"" + name + "\" must be a string, got " + value);
    }
    return value.asText();
  }

  private static long integer(JsonNode node, String name) throws MalformedReply {
    JsonNode value = field(node, name);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new MalformedReply("\"" + name + "\" must be an integer, got " + value);
    }
    return value.asLong();
  }

  private static double number(JsonNode node, String name) throws MalformedReply {
    JsonNode value = field(node, name);
    if (!value.isNumber()) {
      throw new MalformedReply("\"" + name + "\" must be a number, got " + value);
    }
    return value.asDouble();
  }

  private static boolean bool(JsonNode node, String name) throws MalformedReply {
    JsonNode value = field(node, name);
    if (!value.isBoolean()) {
      throw new MalformedReply("\"" + name + "\" must be true or false, got " + value);
    }
    return value.asBoolean();
  }

  private static Iterable<JsonNode> array(JsonNode node, String name) throws MalformedReply {
    JsonNode value = field(node, name);
    if (!value.isArray()) {
      throw new MalformedReply("\"" + name + "\" must be a list, got " + value);
    }
    return value;
  }

  private static List<String> texts(JsonNode node, String name) throws MalformedReply {
    List<String> texts = new ArrayList<>();
    for (JsonNode item : array(node, name)) {
      String text = textValue(item, name + "[]");
      if (text.chars().anyMatch(c -> c > 0xFF)) {
        throw new MalformedReply("\"" + name + "\" holds a character that is not a byte: " + text);
      }
      texts.add(text);
    }
    return texts;
  }

  private static Optional<byte[]> optionalBase64(JsonNode node, String name)
      throws MalformedReply {
    JsonNode value = field(node, name);
    if (value.isNull()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Base64.getDecoder().decode(textValue(value, name)));
    } catch (IllegalArgumentException e) {
      throw new MalformedReply("\"" + name + "\" is not base64: " + e.getMessage());
    }
  }
}
