package dev.cutpoint.wire;

import java.util.ArrayList;
import java.util.List;

/** A bencoded list; the arguments of every message are one. */
public record BList(List<BValue> items) implements BValue {

  public static final BList EMPTY = new BList(List.of());

  public BList {
    items = List.copyOf(items);
  }

  public static BList of(BValue... items) {
    return new BList(List.of(items));
  }

  /** A list of byte strings, each the UTF-8 of one of {@code items}. */
  public static BList ofStrings(String... items) {
    List<BValue> values = new ArrayList<>(items.length);
    for (String item : items) {
      values.add(ByteString.of(item));
    }
    return new BList(values);
  }

  public int size() {
    return items.size();
  }

  public BValue get(int index) {
    return items.get(index);
  }

  /** Item {@code index} as a byte string, or a {@link ProtocolError} if it is something else. */
  public ByteString bytes(int index) {
    return items.get(index).asBytes();
  }

  @Override
  public String toString() {
    return items.toString();
  }
}
