package dev.cutpoint.wire;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** A bencoded dict: byte-string keys in unsigned byte order (the order bencode writes them in). */
public record BDict(SortedMap<ByteString, BValue> entries) implements BValue {

  public static final BDict EMPTY = new BDict(new TreeMap<>());

  public BDict {
    entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
  }

  public static BDict of(Map<ByteString, BValue> entries) {
    return new BDict(new TreeMap<>(entries));
  }

  /** A dict of one entry whose key and value are UTF-8 strings. */
  public static BDict of(String key, String value) {
    TreeMap<ByteString, BValue> entries = new TreeMap<>();
    entries.put(ByteString.of(key), ByteString.of(value));
    return new BDict(entries);
  }

  @Override
  public String toString() {
    return entries.toString();
  }
}
