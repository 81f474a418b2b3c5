package dev.cutpoint.history;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Case records to and from JSON — the case file a report links to and {@code replay} reads.
 * Strict: unknown fields, missing fields and bad values are a {@link HistoryFormatException}.
 */
public final class HistoryJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new Jdk8Module())
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
          .build();

  private HistoryJson() {}

  /** The mapper this package's records are written with (Optional-aware), for embedding them. */
  public static ObjectMapper mapper() {
    return MAPPER.copy();
  }

  public static String toJson(CaseRecord record) {
    try {
      return MAPPER.writeValueAsString(record);
    } catch (JacksonException e) {
      throw new IllegalStateException("a case record always serialises", e);
    }
  }

  public static CaseRecord fromJson(String json) {
    try {
      return MAPPER.readValue(json, CaseRecord.class);
    } catch (JacksonException e) {
      throw new HistoryFormatException("<string>", e);
    }
  }

  public static void write(CaseRecord record, Path file) throws IOException {
    Files.writeString(file, toJson(record));
  }

  public static CaseRecord read(Path file) throws IOException {
    String json = Files.readString(file);
    try {
      return MAPPER.readValue(json, CaseRecord.class);
    } catch (JacksonException e) {
      throw new HistoryFormatException(file.toString(), e);
    }
  }
}
