package dev.cutpoint.drive.breezy;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the driver observed of one attempt: one time Breezy's client sent the request ({@code
 * _SmartClientRequest._send_no_retry}) and read (some of) the response.
 *
 * @param attempt 1 for the first sending, 2 for a resend, ...
 * @param connection the driver's id of the connection used (ids count from 1 per driver process),
 *     empty when none could be opened
 * @param newConnection whether the connection was opened for this attempt
 * @param bytesWritten the request bytes the socket accepted (Breezy's {@code _report_activity})
 * @param writeCompleted whether the whole request was handed to the socket
 * @param bytesRead the response bytes received
 * @param endOfStream whether a read returned end of stream (Breezy reads ECONNRESET as that too,
 *     breezy/osutils.py {@code read_bytes_from_socket})
 * @param streamChunksSent how many chunks of the body stream Breezy consumed during this attempt
 * @param bodyStreamStarted Breezy's own {@code body_stream_started} flag when the attempt's sending
 *     ended (present for body streams only): what its resend decision reads (client.py:279)
 * @param error the exception that ended the attempt, if one did
 */
public record AttemptRecord(
    int attempt,
    OptionalLong connection,
    boolean newConnection,
    long bytesWritten,
    boolean writeCompleted,
    long bytesRead,
    boolean endOfStream,
    int streamChunksSent,
    Optional<Boolean> bodyStreamStarted,
    Optional<AttemptError> error) {

  public AttemptRecord {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempts count from 1, got " + attempt);
    }
    if (bytesWritten < 0 || bytesRead < 0 || streamChunksSent < 0) {
      throw new IllegalArgumentException("negative counts in attempt " + attempt);
    }
  }
}
