package dev.cutpoint.wire;

/**
 * A bencoded integer. Breezy's integers are unbounded; the protocol's verbs never send one beyond
 * 64 bits, so a wider one is rejected as {@link ProtocolError.Kind#INTEGER_OUT_OF_RANGE}.
 */
public record BInt(long value) implements BValue {

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
