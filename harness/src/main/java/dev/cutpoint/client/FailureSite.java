package dev.cutpoint.client;

/**
 * Where the client noticed that an attempt failed. This is what the client can know, as opposed to
 * {@link dev.cutpoint.history.Phase}, where the harness cut the connection: a cut during the write
 * is usually only seen on read, because a write into socket buffers succeeds after the peer is
 * gone.
 */
public enum FailureSite {
  /** Opening the connection failed: not a byte of the request left the client. */
  CONNECT,
  /** Sending the request failed: the server cannot have seen its terminal {@code e}. */
  WRITE,
  /** The whole request was sent, then reading the response failed: the server may have run it. */
  READ
}
