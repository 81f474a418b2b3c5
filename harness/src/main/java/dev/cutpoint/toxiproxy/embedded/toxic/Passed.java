package dev.cutpoint.toxiproxy.embedded.toxic;

/**
 * The bytes a cutting toxic has let through on one link, kept on its stub as limit_data keeps its
 * count: from 0 when the link opens or the toxic is added, through updates and rewiring.
 */
final class Passed {
  long bytes;

  /** What may still pass of a limit of {@code limit} bytes: the first part of {@code chunk}. */
  Chunk allowed(Chunk chunk, long limit) {
    long remaining = Math.max(0, limit - bytes);
    return remaining < chunk.length() ? chunk.slice(0, (int) remaining) : chunk;
  }
}
