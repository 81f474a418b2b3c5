package dev.cutpoint.drive.breezy;

import dev.cutpoint.history.MayHaveExecuted;
import java.util.List;

/**
 * What an exception of Breezy's client says about execution (I4), read the only way its caller
 * can: from the exception's class and message. Breezy has no {@code mayHaveExecuted}; but where it
 * raises tells it, and its messages name the place. The mapping, each rule from Breezy 3.3.2's
 * source:
 *
 * <ol>
 *   <li>{@code TooManyConcurrentRequests}: raised by {@code get_request} before a byte is written
 *       (breezy/bzr/smart/medium.py:1199-1200) — <b>no</b>.
 *   <li>{@code ConnectionError} ("failed to connect", "failed to lookup"): raised while connecting
 *       (medium.py:1131, 1155) — <b>no</b>.
 *   <li>{@code ConnectionReset} "Error trying to write to socket" or "Sending to … returned 0
 *       bytes": raised by {@code osutils.send_all} (breezy/osutils.py:2035, 2041) when a write
 *       fails, so the message's terminal {@code e} was not handed to the socket: Breezy's own
 *       reasoning for resending write failures ("we can be confident that the server did not get
 *       our request", breezy/bzr/smart/client.py:270-273) — <b>no</b>. (When this comes from the
 *       resend after a read failure, client.py:199-202, the first sending may have run: the
 *       message then misleads, and the oracle says so.)
 *   <li>{@code ConnectionReset} on reading — "Unexpected end of message" (protocol v3's response
 *       reader, breezy/bzr/smart/message.py:277-296) — the whole request was sent — <b>may
 *       have</b>.
 *   <li>{@code TimeoutError} ("timed out", the driver's socket timeout; Breezy sets none): the
 *       same text on either side, and "may have" is always honest — <b>may have</b>.
 *   <li>Anything else (a protocol error, an {@code OSError} Breezy did not translate): Breezy
 *       says nothing — <b>not said</b>, which I4 reports.
 * </ol>
 */
public final class BreezyErrors {

  /** What {@code osutils.send_all}'s messages say, after ConnectionReset's "Connection closed: ". */
  private static final List<String> WRITE_FAILURES =
      List.of("Error trying to write to socket", " returned 0 bytes");

  private BreezyErrors() {}

  /** The execution an exception of Breezy's client admits, by the rules above. */
  public static MayHaveExecuted mayHaveExecuted(String type, String message) {
    return switch (type) {
      case "TooManyConcurrentRequests", "ConnectionError" -> MayHaveExecuted.NO;
      case "ConnectionReset" -> WRITE_FAILURES.stream().anyMatch(message::contains)
          ? MayHaveExecuted.NO
          : MayHaveExecuted.YES;
      case "TimeoutError" -> MayHaveExecuted.YES;
      default -> MayHaveExecuted.NOT_SAID;
    };
  }
}
