package dev.cutpoint.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The messages captured from Breezy 3.3.2 ({@code wire-v3.json}, a copy of {@code shared/vectors}). */
record WireVectors(String name, Direction direction, byte[] bytes, int length) {

  static List<WireVectors> all() {
    try (InputStream in = WireVectors.class.getResourceAsStream("/wire-v3.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      List<WireVectors> vectors = new ArrayList<>();
      for (JsonNode v : root.get("vectors")) {
        vectors.add(new WireVectors(
            v.get("name").asText(),
            Direction.valueOf(v.get("direction").asText().toUpperCase()),
            HexFormat.of().parseHex(v.get("hex").asText()),
            v.get("length").asInt()));
      }
      return vectors;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
