package dev.cutpoint.drive.breezy;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One call for Breezy's client to make: a verb, its arguments (byte strings as {@link ByteText}),
 * the {@code _SmartClient} method to send it with, and a body or a body stream if it has one.
 *
 * <p>The factories pick the method Breezy's own {@code RemoteTransport} uses for the verb
 * (breezy/transport/remote.py): {@code get} expects a body (remote.py:228), {@code readv} sends
 * one and expects one (remote.py:384), every other body-less verb goes through {@code call}, every
 * other verb with a body through {@code call_with_body_bytes}.
 *
 * @param body the request body, for the {@code call_with_body_bytes*} methods only
 * @param stream the chunks of the request body stream, for {@code call_with_body_stream} only
 */
public record BreezyCall(
    String verb, List<String> args, ClientMethod method, Optional<byte[]> body,
    List<byte[]> stream) {

  private static final Set<String> RETURN_BODIES = Set.of("get", "readv");

  public BreezyCall {
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(method, "method");
    ByteText.requireBytes(verb, "verb");
    args = List.copyOf(args);
    for (int i = 0; i < args.size(); i++) {
      ByteText.requireBytes(args.get(i), "args[" + i + "]");
    }
    body = body.map(byte[]::clone);
    stream = stream.stream().map(byte[]::clone).toList();
    if (method.takesBody() != body.isPresent()) {
      throw new IllegalArgumentException(
          method.pythonName() + (method.takesBody() ? " needs" : " takes no") + " body");
    }
    if (!method.takesStream() && !stream.isEmpty()) {
      throw new IllegalArgumentException(method.pythonName() + " takes no body stream");
    }
  }

  /** A call without a body, sent as Breezy's {@code RemoteTransport} would send the verb. */
  public static BreezyCall of(String verb, String... args) {
    ClientMethod method =
        RETURN_BODIES.contains(verb) ? ClientMethod.CALL_EXPECTING_BODY : ClientMethod.CALL;
    return new BreezyCall(verb, List.of(args), method, Optional.empty(), List.of());
  }

  /** A call with a body, sent as Breezy's {@code RemoteTransport} would send the verb. */
  public static BreezyCall withBody(String verb, byte[] body, String... args) {
    ClientMethod method =
        RETURN_BODIES.contains(verb)
            ? ClientMethod.CALL_WITH_BODY_BYTES_EXPECTING_BODY
            : ClientMethod.CALL_WITH_BODY_BYTES;
    return new BreezyCall(verb, List.of(args), method, Optional.of(body), List.of());
  }

  /** A call whose body is a stream of {@code chunks}, consumed once. */
  public static BreezyCall withStream(String verb, List<byte[]> chunks, String... args) {
    return new BreezyCall(
        verb, List.of(args), ClientMethod.CALL_WITH_BODY_STREAM, Optional.empty(), chunks);
  }

  /** The same call, sent with {@code other} (which must take the same kind of body). */
  public BreezyCall using(ClientMethod other) {
    return new BreezyCall(verb, args, other, body, stream);
  }

  @Override
  public Optional<byte[]> body() {
    return body.map(byte[]::clone);
  }

  @Override
  public List<byte[]> stream() {
    return stream.stream().map(byte[]::clone).toList();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BreezyCall that
        && verb.equals(that.verb)
        && args.equals(that.args)
        && method == that.method
        && body.isPresent() == that.body.isPresent()
        && Arrays.equals(body.orElse(null), that.body.orElse(null))
        && stream.size() == that.stream.size()
        && Arrays.deepEquals(stream.toArray(), that.stream.toArray());
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        verb, args, method, Arrays.hashCode(body.orElse(null)), Arrays.deepHashCode(stream.toArray()));
  }

  @Override
  public String toString() {
    return "BreezyCall[" + verb + " " + args + " via " + method.pythonName()
        + body.map(b -> ", body " + b.length + " bytes").orElse("")
        + (method.takesStream() ? ", stream of " + stream.size() + " chunks" : "") + "]";
  }
}
