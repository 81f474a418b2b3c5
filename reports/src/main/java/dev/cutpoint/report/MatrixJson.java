package dev.cutpoint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading and writing {@code matrix.json}: the only place that knows the JSON mapping. */
public final class MatrixJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new Jdk8Module())
      .addModule(new JavaTimeModule())
      // ISO-8601 text ("2025-05-01T10:00:00Z", "PT3M12S") rather than numbers nobody can read
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      // every field is written, so a missing one is a damaged file, not a default
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  private MatrixJson() {}

  public static void write(MatrixReport report, Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file)) {
      MAPPER.writeValue(out, report);
    }
  }

  public static String toJson(MatrixReport report) {
    try {
      return MAPPER.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the model always serialises", e);
    }
  }

  /**
   * Reads a report written by {@link #write}.
   *
   * @throws MalformedReportException when the file is not JSON, has another schema, misses a field
   *     or is inconsistent (a count that its cases do not add up to)
   */
  public static MatrixReport read(Path file) throws IOException {
    JsonNode tree;
    try (InputStream in = Files.newInputStream(file)) {
      tree = MAPPER.readTree(in);
    } catch (NoSuchFileException e) {
      throw new MalformedReportException(file, "no such file", e);
    } catch (JsonProcessingException e) {
      throw new MalformedReportException(file, "not JSON: " + e.getOriginalMessage(), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new MalformedReportException(file, "not a JSON object", null);
    }
    JsonNode schema = tree.get("schema");
    if (schema == null || !schema.isTextual()) {
      throw new MalformedReportException(file, "no \"schema\" field; expected \"" + MatrixReport.SCHEMA + "\"", null);
    }
    if (MatrixReport.SCHEMA_1.equals(schema.textValue())) {
      upgradeFromSchema1(file, (ObjectNode) tree);
      recordedLater((ObjectNode) tree);
      upgradeFromSchema2(file, (ObjectNode) tree);
    } else if (MatrixReport.SCHEMA_2.equals(schema.textValue())) {
      recordedLater((ObjectNode) tree);
      upgradeFromSchema2(file, (ObjectNode) tree);
    } else if (!MatrixReport.SCHEMA.equals(schema.textValue())) {
      throw new MalformedReportException(file, "schema \"" + schema.textValue()
          + "\" is not supported; this reader knows \"" + MatrixReport.SCHEMA + "\", \""
          + MatrixReport.SCHEMA_2 + "\" and \"" + MatrixReport.SCHEMA_1 + "\"", null);
    }
    try {
      return MAPPER.treeToValue(tree, MatrixReport.class);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new MalformedReportException(file, "at " + path(e) + ": " + cause.getMessage(), e);
    } catch (JsonMappingException e) {
      // Jackson's wording names its own switch; the path already says which field
      String problem = e.getOriginalMessage().startsWith("Missing creator property")
          ? "missing" : e.getOriginalMessage();
      throw new MalformedReportException(file, "at " + path(e) + ": " + problem, e);
    }
  }

  /**
   * Gives a schema-1 tree the fields schema 2 added, each as "not recorded": {@code run.workers}
   * empty, each case's {@code durationMillis} and each violation's {@code confirmation} null. Only
   * where the structure is there to hold them: anything else is left for the strict read to name.
   */
  private static void upgradeFromSchema1(Path file, ObjectNode tree) throws MalformedReportException {
    tree.put("schema", MatrixReport.SCHEMA_2);
    if (tree.get("run") instanceof ObjectNode run) {
      added(file, "$.run", run, "workers").putObject("workers");
    }
    if (tree.get("cases") instanceof ArrayNode cases) {
      for (int i = 0; i < cases.size(); i++) {
        if (!(cases.get(i) instanceof ObjectNode caseNode)) {
          continue;
        }
        String at = "$.cases[" + i + "]";
        added(file, at, caseNode, "durationMillis").putNull("durationMillis");
        if (caseNode.get("verdict") instanceof ObjectNode verdict
            && verdict.get("violations") instanceof ArrayNode violations) {
          for (int v = 0; v < violations.size(); v++) {
            if (violations.get(v) instanceof ObjectNode violation) {
              added(file, at + ".verdict.violations[" + v + "]", violation, "confirmation").putNull("confirmation");
            }
          }
        }
      }
    }
  }

  /**
   * Fields added to schema 2 without a new number, because an older reader never met a report
   * holding them (schema 3 has them always): {@code run.mutant} and {@code run.ending}, null (not
   * recorded; a finished run) where a report written before them lacks them, and each fault's
   * {@code persistent}, known from the case's id.
   */
  private static void recordedLater(ObjectNode tree) {
    withoutBreezyPath(tree);
    if (tree.get("run") instanceof ObjectNode run) {
      for (String field : new String[] {"mutant", "ending", "shard"}) {
        if (!run.has(field)) {
          run.putNull(field);
        }
      }
    }
    if (tree.get("cases") instanceof ArrayNode cases) {
      for (JsonNode caseNode : cases) {
        // the persistent cases were told apart only by their ids before the flag was recorded
        if (caseNode.get("fault") instanceof ObjectNode fault && !fault.has("persistent")) {
          fault.put("persistent", caseNode.path("id").asText().matches(".*-p\\d+"));
        }
      }
    }
  }

  /**
   * {@code run.versions.breezyPath} came later in schema 2 (with {@code --breezy PATH}): a report
   * written before it (schema 1, or 2 before the option) did not record it, which reads as null.
   */
  private static void withoutBreezyPath(ObjectNode tree) {
    if (tree.get("run") instanceof ObjectNode run && run.get("versions") instanceof ObjectNode versions
        && !versions.has("breezyPath")) {
      versions.putNull("breezyPath");
    }
  }

  /**
   * Gives a schema-2 tree what schema 3 added: each cell's {@code embeddedOnly}, false (no cell of
   * an older run was cut by an extension toxic).
   */
  private static void upgradeFromSchema2(Path file, ObjectNode tree) throws MalformedReportException {
    tree.put("schema", MatrixReport.SCHEMA);
    if (tree.get("cells") instanceof ArrayNode cells) {
      for (int i = 0; i < cells.size(); i++) {
        if (cells.get(i) instanceof ObjectNode cell) {
          added(file, "$.cells[" + i + "]", cell, "embeddedOnly", MatrixReport.SCHEMA_2, MatrixReport.SCHEMA)
              .put("embeddedOnly", false);
        }
      }
    }
  }

  /** The node, after checking that an older file does not already carry a field its schema did not have. */
  private static ObjectNode added(Path file, String at, ObjectNode node, String field) throws MalformedReportException {
    return added(file, at, node, field, MatrixReport.SCHEMA_1, MatrixReport.SCHEMA_2);
  }

  private static ObjectNode added(Path file, String at, ObjectNode node, String field, String oldSchema,
      String newSchema) throws MalformedReportException {
    if (node.has(field)) {
      throw new MalformedReportException(file, "at " + at + "." + field + ": unknown in "
          + oldSchema + " (it came with " + newSchema + ")", null);
    }
    return node;
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder("$");
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append('.').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /**
   * Writes a value as compact JSON that can sit inside an HTML {@code <script>} element: {@code <},
   * {@code >} and {@code &} are written as {@code \\u003C}-style escapes, so no text from a
   * case (an argument, an error message) can close the element or open a comment.
   */
  static void writeForHtml(Object value, Writer out) throws IOException {
    try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
      // the caller's writer stays open: the page goes on after the data
      generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      generator.setCharacterEscapes(new HtmlSafeEscapes());
      MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValue(generator, value);
    }
  }

  private static final class HtmlSafeEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] escapes;

    HtmlSafeEscapes() {
      escapes = CharacterEscapes.standardAsciiEscapesForJSON();
      escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
      escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
      escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null;
    }
  }
}
