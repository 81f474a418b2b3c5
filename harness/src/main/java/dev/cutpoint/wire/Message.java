package dev.cutpoint.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One complete v3 message: its headers and its parts in wire order (the version marker and the
 * terminal {@code e} are implied). Construction checks the conventional order of parts
 * ({@link PartOrder}), so every {@code Message} can be encoded and decoded back to itself.
 */
public record Message(Direction direction, BDict headers, List<Part> parts) {

  public Message {
    parts = List.copyOf(parts);
    PartOrder order = new PartOrder(direction);
    for (Part part : parts) {
      order.accept(part, -1);
    }
    order.acceptEnd(-1);
  }

  /** A request with empty headers (as Breezy's {@code ProtocolThreeRequester} sends by default). */
  public static Message request(String verb, String... args) {
    List<String> all = new ArrayList<>();
    all.add(verb);
    all.addAll(List.of(args));
    return request(BList.ofStrings(all.toArray(String[]::new)));
  }

  public static Message request(BList args) {
    return new Message(Direction.REQUEST, BDict.EMPTY, List.of(new Part.Args(args)));
  }

  /** A request whose body is sent as the given chunks, one {@code b} part each. */
  public static Message request(BList args, List<ByteString> bodyChunks) {
    List<Part> parts = new ArrayList<>();
    parts.add(new Part.Args(args));
    bodyChunks.forEach(chunk -> parts.add(new Part.Body(chunk)));
    return new Message(Direction.REQUEST, BDict.EMPTY, parts);
  }

  /** A response: status, arguments and body chunks (none, one body, or a stream). */
  public static Message response(BDict headers, Status status, BList args, List<ByteString> bodyChunks) {
    List<Part> parts = new ArrayList<>();
    parts.add(new Part.StatusByte(status));
    parts.add(new Part.Args(args));
    bodyChunks.forEach(chunk -> parts.add(new Part.Body(chunk)));
    return new Message(Direction.RESPONSE, headers, parts);
  }

  /** A success response without a body and with empty headers. */
  public static Message success(String... args) {
    return response(BDict.EMPTY, Status.SUCCESS, BList.ofStrings(args), List.of());
  }

  /** An error response ({@code oE}) with empty headers; {@code args[0]} names the error. */
  public static Message failure(String... args) {
    return response(BDict.EMPTY, Status.ERROR, BList.ofStrings(args), List.of());
  }

  /** This message with one more body part (a body, or the next chunk of a stream). */
  public Message withBody(ByteString chunk) {
    List<Part> more = new ArrayList<>(parts);
    more.add(new Part.Body(chunk));
    return new Message(direction, headers, more);
  }

  public Message withHeaders(BDict newHeaders) {
    return new Message(direction, newHeaders, parts);
  }

  /** A response's status ({@code o} before the arguments); empty for requests. */
  public Optional<Status> status() {
    return parts.get(0) instanceof Part.StatusByte s ? Optional.of(s.status()) : Optional.empty();
  }

  /** The arguments (the first {@code s} part). */
  public BList args() {
    for (Part part : parts) {
      if (part instanceof Part.Args a) {
        return a.args();
      }
    }
    throw new IllegalStateException("a conventional message always has arguments");
  }

  /** A request's verb, decoded as UTF-8. */
  public String verb() {
    return args().bytes(0).utf8();
  }

  /** Every {@code b} part in order: one for a plain body, several for a stream, none for no body. */
  public List<ByteString> bodyChunks() {
    List<ByteString> chunks = new ArrayList<>();
    for (Part part : parts) {
      if (part instanceof Part.Body b) {
        chunks.add(b.bytes());
      }
    }
    return chunks;
  }

  public boolean hasBody() {
    return parts.stream().anyMatch(Part.Body.class::isInstance);
  }

  /** The body chunks joined (what Breezy's {@code do_body}/{@code read_body_bytes} see). */
  public ByteString body() {
    return ByteString.concat(bodyChunks());
  }

  /** The error arguments after {@code oE} that ended a body stream, if it ended so. */
  public Optional<BList> bodyError() {
    boolean afterBody = false;
    for (Part part : parts) {
      if (part instanceof Part.Body) {
        afterBody = true;
      } else if (afterBody && part instanceof Part.Args a) {
        return Optional.of(a.args());
      }
    }
    return Optional.empty();
  }

  /** A response that succeeded outright: status {@code S} and no error ending its body stream. */
  public boolean isSuccess() {
    return status().orElse(Status.ERROR) == Status.SUCCESS && bodyError().isEmpty();
  }

  @Override
  public String toString() {
    return direction.name().toLowerCase() + headers + parts;
  }
}
