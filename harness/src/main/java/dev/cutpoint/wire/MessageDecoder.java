package dev.cutpoint.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An incremental, strict, bounded decoder of v3 messages (Breezy's {@code ProtocolThreeDecoder}
 * with the conventional handlers' checks of {@link PartOrder}).
 *
 * <p>Fed arbitrary slices of a connection's bytes, it returns each message once its terminal
 * {@code e} has arrived; several messages in one slice come out in order. A length field is
 * checked against the maximum message size before anything is allocated for it. The first
 * malformed byte raises a {@link ProtocolError} whose offset counts from the start of the message
 * being decoded; the decoder is then broken and rethrows that error on every later call, because
 * a byte stream cannot be resynchronised without guessing. Messages that the same slice completed
 * before the malformed byte are still returned (they were whole); the error then comes from the
 * next call and from {@link #failure()}.
 */
public final class MessageDecoder {

  /** A default bound: large enough for the several-MiB bodies of the fault matrix. */
  public static final int DEFAULT_MAX_MESSAGE_SIZE = 64 * 1024 * 1024;

  private enum State {
    MARKER,
    HEADERS_LENGTH,
    HEADERS,
    PART_KIND,
    STATUS,
    ARGS_LENGTH,
    ARGS,
    BODY_LENGTH,
    BODY
  }

  private static final byte[] MARKER = MessageEncoder.VERSION_MARKER.toByteArray();

  private final Direction direction;
  private final int maxMessageSize;

  private State state = State.MARKER;
  /** Bytes of the current message received so far. */
  private long messageBytes;
  /** The field being filled (marker, length, payload) and how much of it has arrived. */
  private byte[] field = new byte[MARKER.length];
  private int filled;
  /** Offset in the message of the field being filled. */
  private long fieldOffset;

  private BDict headers;
  private List<Part> parts = new ArrayList<>();
  private PartOrder order;
  private ProtocolError failure;

  public MessageDecoder(Direction direction) {
    this(direction, DEFAULT_MAX_MESSAGE_SIZE);
  }

  public MessageDecoder(Direction direction, int maxMessageSize) {
    if (maxMessageSize < MARKER.length + 6) {
      throw new IllegalArgumentException("maximum message size " + maxMessageSize + " cannot hold a message");
    }
    this.direction = direction;
    this.maxMessageSize = maxMessageSize;
    this.order = new PartOrder(direction);
  }

  public Direction direction() {
    return direction;
  }

  public int maxMessageSize() {
    return maxMessageSize;
  }

  public List<Message> feed(byte[] bytes) {
    return feed(bytes, 0, bytes.length);
  }

  /** Consumes {@code bytes[offset, offset+length)}; returns the messages completed by them. */
  public List<Message> feed(byte[] bytes, int offset, int length) {
    if (failure != null) {
      throw failure;
    }
    List<Message> complete = new ArrayList<>(1);
    try {
      int at = offset;
      int end = offset + length;
      while (at < end) {
        int take = Math.min(end - at, field.length - filled);
        if (state == State.MARKER) {
          checkMarker(bytes, at, take);
        }
        System.arraycopy(bytes, at, field, filled, take);
        filled += take;
        at += take;
        messageBytes += take;
        // a zero-length payload is complete as soon as its length is
        while (filled == field.length) {
          fieldComplete(complete);
        }
      }
    } catch (ProtocolError e) {
      failure = e;
      if (complete.isEmpty()) {
        throw e;
      }
    }
    return complete;
  }

  /** The error that broke this decoder, if one did. */
  public Optional<ProtocolError> failure() {
    return Optional.ofNullable(failure);
  }

  /** Whether some bytes of a message have arrived but not its terminal {@code e}. */
  public boolean inMessage() {
    return messageBytes > 0;
  }

  /** How many bytes of the unfinished message have arrived. */
  public long pendingBytes() {
    return messageBytes;
  }

  /**
   * What an unfinished message would be if it ended here: its complete parts, if a terminal
   * {@code e} would be accepted now. Only for the deliberately wrong server that executes a
   * message without its {@code e} (mutant {@code server-executes-partial}, SPEC §8).
   */
  public Optional<Message> partial() {
    if (failure != null || headers == null || !order.canEnd()) {
      return Optional.empty();
    }
    return Optional.of(new Message(direction, headers, parts));
  }

  private void checkMarker(byte[] bytes, int at, int take) {
    for (int i = 0; i < take; i++) {
      if (bytes[at + i] != MARKER[filled + i]) {
        throw new ProtocolError(ProtocolError.Kind.BAD_VERSION_MARKER, filled + i,
            "expected " + MessageEncoder.VERSION_MARKER);
      }
    }
  }

  private void fieldComplete(List<Message> complete) {
    switch (state) {
      case MARKER -> expect(State.HEADERS_LENGTH, 4);
      case HEADERS_LENGTH -> expect(State.HEADERS, length());
      case HEADERS -> {
        BValue decoded = bencoded();
        if (!(decoded instanceof BDict dict)) {
          throw new ProtocolError(ProtocolError.Kind.HEADERS_NOT_DICT, fieldOffset, decoded.toString());
        }
        headers = dict;
        expect(State.PART_KIND, 1);
      }
      case PART_KIND -> partKind(complete);
      case STATUS -> {
        Status status = Status.fromWire(field[0], fieldOffset);
        addPart(new Part.StatusByte(status), fieldOffset - 1);
      }
      case ARGS_LENGTH -> expect(State.ARGS, length());
      case ARGS -> {
        BValue decoded = bencoded();
        if (!(decoded instanceof BList list)) {
          throw new ProtocolError(ProtocolError.Kind.ARGS_NOT_LIST, fieldOffset, decoded.toString());
        }
        addPart(new Part.Args(list), fieldOffset - 5);
      }
      case BODY_LENGTH -> expect(State.BODY, length());
      case BODY -> addPart(new Part.Body(ByteString.wrap(field)), fieldOffset - 5);
    }
  }

  private void partKind(List<Message> complete) {
    long kindOffset = fieldOffset;
    switch (field[0]) {
      case 'o' -> expect(State.STATUS, 1);
      case 's' -> expect(State.ARGS_LENGTH, 4);
      case 'b' -> expect(State.BODY_LENGTH, 4);
      case 'e' -> {
        order.acceptEnd(kindOffset);
        complete.add(new Message(direction, headers, parts));
        reset();
      }
      default -> throw new ProtocolError(ProtocolError.Kind.BAD_PART_KIND, kindOffset,
          "0x" + Integer.toHexString(field[0] & 0xff));
    }
  }

  private void addPart(Part part, long partOffset) {
    order.accept(part, partOffset);
    parts.add(part);
    expect(State.PART_KIND, 1);
  }

  private BValue bencoded() {
    try {
      return Bencode.decode(field);
    } catch (ProtocolError e) {
      throw e.shiftedBy(fieldOffset);
    }
  }

  /** The 4-byte big-endian length just read, checked against what the message may still hold. */
  private int length() {
    long length = ((field[0] & 0xffL) << 24) | ((field[1] & 0xffL) << 16) | ((field[2] & 0xffL) << 8) | (field[3] & 0xffL);
    // at least the terminal e must still fit after the payload
    if (messageBytes + length + 1 > maxMessageSize) {
      throw new ProtocolError(ProtocolError.Kind.MESSAGE_TOO_LARGE, fieldOffset,
          "a part of " + length + " bytes after " + messageBytes + " would pass the maximum of " + maxMessageSize);
    }
    return (int) length;
  }

  private void expect(State next, int size) {
    if (messageBytes + size > maxMessageSize) {
      throw new ProtocolError(ProtocolError.Kind.MESSAGE_TOO_LARGE, messageBytes,
          "the maximum is " + maxMessageSize);
    }
    state = next;
    fieldOffset = messageBytes;
    field = new byte[size];
    filled = 0;
  }

  private void reset() {
    state = State.MARKER;
    messageBytes = 0;
    field = new byte[MARKER.length];
    filled = 0;
    fieldOffset = 0;
    headers = null;
    parts = new ArrayList<>();
    order = new PartOrder(direction);
  }
}
