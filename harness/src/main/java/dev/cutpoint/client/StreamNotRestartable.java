package dev.cutpoint.client;

import java.io.IOException;

/**
 * The connection was lost after the request's body stream had started to be consumed: the stream
 * cannot be rewound, so the call cannot be resent.
 */
public final class StreamNotRestartable extends ConnectionLost {

  private final int chunksConsumed;

  StreamNotRestartable(
      String verb, FailureSite site, boolean mayHaveExecuted, int chunksConsumed, IOException cause) {
    super(
        verb,
        site,
        mayHaveExecuted,
        RetryReason.STREAM_STARTED,
        cause,
        "body stream not restartable after " + chunksConsumed + " chunk(s), connection lost");
    this.chunksConsumed = chunksConsumed;
  }

  /** How many chunks of the stream had been taken when the connection was lost. */
  public int chunksConsumed() {
    return chunksConsumed;
  }
}
