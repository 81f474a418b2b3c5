package dev.cutpoint.drive.breezy;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** How a call of Breezy's client ended, as its caller saw it. */
public sealed interface CallOutcome {

  /**
   * A success response.
   *
   * @param args the response arguments, as {@link ByteText}
   * @param body the response body, for the methods that read one ({@link
   *     ClientMethod#returnsBody()})
   */
  record Response(List<String> args, Optional<byte[]> body) implements CallOutcome {

    public Response {
      args = List.copyOf(args);
      body = body.map(byte[]::clone);
    }

    @Override
    public Optional<byte[]> body() {
      return body.map(byte[]::clone);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Response that
          && args.equals(that.args)
          && body.isPresent() == that.body.isPresent()
          && Arrays.equals(body.orElse(null), that.body.orElse(null));
    }

    @Override
    public int hashCode() {
      return Objects.hash(args, Arrays.hashCode(body.orElse(null)));
    }

    @Override
    public String toString() {
      return "Response" + args + body.map(b -> " with a " + b.length + "-byte body").orElse("");
    }
  }

  /**
   * An error response from the server ({@code oE}), raised by Breezy as {@code
   * ErrorFromSmartServer} (or {@code UnknownSmartMethod}, reported as {@code UnknownMethod}).
   *
   * @param args the error arguments; the first names the error, e.g. {@code NoSuchFile}, {@code
   *     LockContention}
   */
  record ServerError(List<String> args) implements CallOutcome {

    public ServerError {
      args = List.copyOf(args);
      if (args.isEmpty()) {
        throw new IllegalArgumentException("an error response names its error");
      }
    }

    /** The error's name. */
    public String name() {
      return args.get(0);
    }
  }

  /**
   * An exception Breezy's client raised to its caller: the connection failed and it did not (or
   * could not) resend, or something else broke.
   *
   * @param type the Python class name, e.g. {@code ConnectionReset}
   * @param module its module, e.g. {@code breezy.errors}
   * @param message its text
   */
  record ClientException(String type, String module, String message) implements CallOutcome {

    public ClientException {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(module, "module");
      Objects.requireNonNull(message, "message");
    }
  }
}
