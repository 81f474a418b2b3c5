package dev.cutpoint.wire;

/**
 * The order of parts in a "conventional" message, as Breezy's handlers in
 * {@code breezy/bzr/smart/message.py} enforce it, made strict where Breezy is lax by accident.
 *
 * <p>Requests ({@code ConventionalRequestHandler}): arguments first; then body parts; then
 * optionally {@code oS} (nothing more) or {@code oE} + error arguments (a client aborting its
 * body stream); then {@code e}. The arguments must name a verb.
 *
 * <p>Responses ({@code ConventionalResponseHandler} and {@code ProtocolThreeResponder}): a status,
 * the arguments, body parts, and after at least one body part optionally {@code oE} + error
 * arguments (a body stream that failed) or {@code oS}; then {@code e}. Breezy's client rejects an
 * error status before the first body part ("Unexpected byte part received") and so does this.
 * Breezy's client tolerates a missing status, or a body before the arguments; its responder never
 * writes either, and this decoder rejects both rather than guess.
 */
final class PartOrder {

  private enum State {
    STATUS,
    ARGS,
    BODY,
    BODY_STARTED,
    ERROR_ARGS,
    END,
    DONE
  }

  private final Direction direction;
  private State state;

  PartOrder(Direction direction) {
    this.direction = direction;
    this.state = direction == Direction.REQUEST ? State.ARGS : State.STATUS;
  }

  void accept(Part part, long offset) {
    State next = next(part);
    if (next == null) {
      throw new ProtocolError(ProtocolError.Kind.UNEXPECTED_PART, offset,
          describe(part) + " in a " + direction.name().toLowerCase() + " while expecting " + expecting());
    }
    if (part instanceof Part.Args args && state == State.ARGS && direction == Direction.REQUEST) {
      if (args.args().size() == 0 || !(args.args().get(0) instanceof ByteString)) {
        throw new ProtocolError(ProtocolError.Kind.BAD_ARGUMENTS, offset, "a request's arguments must start with a verb");
      }
    }
    state = next;
  }

  private State next(Part part) {
    if (part instanceof Part.StatusByte status) {
      boolean error = status.status() == Status.ERROR;
      return switch (state) {
        case STATUS -> State.ARGS;
        case BODY -> direction == Direction.REQUEST ? (error ? State.ERROR_ARGS : State.END) : null;
        case BODY_STARTED -> error ? State.ERROR_ARGS : State.END;
        default -> null;
      };
    }
    if (part instanceof Part.Args) {
      return switch (state) {
        case ARGS -> State.BODY;
        case ERROR_ARGS -> State.END;
        default -> null;
      };
    }
    return switch (state) {
      case BODY, BODY_STARTED -> State.BODY_STARTED;
      default -> null;
    };
  }

  /** Whether the terminal {@code e} is acceptable now. */
  boolean canEnd() {
    return state == State.BODY || state == State.BODY_STARTED || state == State.END;
  }

  void acceptEnd(long offset) {
    if (!canEnd()) {
      throw new ProtocolError(ProtocolError.Kind.PREMATURE_END, offset, "while expecting " + expecting());
    }
    state = State.DONE;
  }

  private String expecting() {
    return switch (state) {
      case STATUS -> "a status";
      case ARGS -> "the arguments";
      case BODY -> "a body or the end";
      case BODY_STARTED -> "another body part, a stream status or the end";
      case ERROR_ARGS -> "error arguments";
      case END -> "the end";
      case DONE -> "nothing";
    };
  }

  private static String describe(Part part) {
    if (part instanceof Part.StatusByte status) {
      return "status " + (char) status.status().wire();
    }
    return part instanceof Part.Args ? "arguments" : "body";
  }
}
