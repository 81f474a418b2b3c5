package dev.cutpoint.wire;

import java.util.List;

/**
 * Where the pieces of an encoded message lie: the preamble (version marker and headers) at 0,
 * each part at its offset, the terminal {@code e} at {@link #endOffset()}. The nemesis cuts at
 * these offsets (SPEC §5.1: {@code n-1} is "all but {@code e}").
 */
public record Layout(long preambleLength, List<PartSpan> parts, long endOffset) {

  public Layout {
    parts = List.copyOf(parts);
  }

  /** One part's span: its first byte (the kind byte) at {@code offset}, {@code length} bytes. */
  public record PartSpan(Part part, long offset, long length) {}

  /** The whole message's length, the terminal {@code e} included. */
  public long length() {
    return endOffset + 1;
  }
}
