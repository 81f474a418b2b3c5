package dev.cutpoint.drive;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutpoint.history.CaseRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A replayable case (the file a report links to and {@code replay} reads): the recorded case with
 * its concrete fault, the cell it counts in, the mutant it ran with, whether its fault was
 * persistent (also in the recorded plan, which is what the oracle reads), and the violations found
 * when it ran (for the reader; a replay judges afresh). Files of the older formats are read too:
 * the first (before the plan and the calls recorded persistence and hung calls) and the second
 * (whose hashes were SHA-256s under the name {@code sha256}, see {@link dev.cutpoint.history.Digest}).
 */
public record CaseFile(
    String format,
    String id,
    MatrixCell cell,
    String mutant,
    boolean persistent,
    List<String> violations,
    CaseRecord record) {

  public static final String FORMAT = "cutpoint-case/3";
  private static final String FIRST_FORMAT = "cutpoint-case/1";
  private static final String SECOND_FORMAT = "cutpoint-case/2";

  private static final ObjectMapper MAPPER =
      dev.cutpoint.history.HistoryJson.mapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);

  public CaseFile {
    Objects.requireNonNull(format, "format");
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException("format is " + format + ", this reader knows " + FORMAT);
    }
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(cell, "cell");
    Mutant.byLabel(Objects.requireNonNull(mutant, "mutant"));
    violations = List.copyOf(violations);
    Objects.requireNonNull(record, "record");
  }

  /** The case file of a judged case run with {@code mutant}. */
  public static CaseFile of(CaseResult result, Mutant mutant) {
    return new CaseFile(
        FORMAT,
        result.id(),
        result.cell(),
        mutant.label(),
        result.persistent(),
        result.verdict().violations().stream()
            .map(v -> v.invariant() + " request " + v.requestIndex() + ": " + v.evidence())
            .toList(),
        result.record());
  }

  public Mutant mutantValue() {
    return Mutant.byLabel(mutant);
  }

  public void write(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    writeInto(file);
  }

  /** Writes this case file as {@code file}, whose directory exists. */
  private void writeInto(Path file) throws IOException {
    MAPPER.writeValue(file.toFile(), this);
  }

  /**
   * Writes the case file of each of {@code results}, run with {@code mutant}, into {@code directory}
   * as {@code <id>.json}: thousands of small files, each serialized on its own, so on every core.
   */
  public static void writeAll(List<CaseResult> results, Mutant mutant, Path directory) throws IOException {
    if (results.isEmpty()) {
      return;
    }
    // made once: createDirectories on an existing directory throws and catches an exception inside
    Files.createDirectories(directory);
    // every write ends before this returns, also when one fails: none is cut off half-way
    List<IOException> failures = results.parallelStream()
        .map(result -> {
          try {
            of(result, mutant).writeInto(directory.resolve(result.id() + ".json"));
            return null;
          } catch (IOException e) {
            return e;
          }
        })
        .filter(Objects::nonNull)
        .toList();
    if (!failures.isEmpty()) {
      IOException first = failures.get(0);
      failures.subList(1, failures.size()).forEach(first::addSuppressed);
      throw first;
    }
  }

  /**
   * Reads a case file.
   *
   * @throws CaseFileException naming the file and what is wrong with it
   */
  public static CaseFile read(Path file) {
    String json;
    try {
      json = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new CaseFileException(file, CaseFileException.Problem.NO_SUCH_FILE, "");
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new CaseFileException(file, CaseFileException.Problem.NOT_TEXT, "a case file is JSON written by matrix");
    } catch (IOException e) {
      throw new CaseFileException(file, CaseFileException.Problem.UNREADABLE,
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JacksonException e) {
      String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ": ";
      throw new CaseFileException(file, CaseFileException.Problem.NOT_JSON, where + firstLine(e.getOriginalMessage()));
    }
    if (tree == null || tree.isMissingNode()) {
      throw new CaseFileException(file, CaseFileException.Problem.NOT_JSON, "the file is empty");
    }
    if (!tree.isObject() || !tree.path("format").isTextual()) {
      throw new CaseFileException(file, CaseFileException.Problem.NOT_A_CASE_FILE,
          "no \"format\" field; expected \"" + FORMAT + "\"");
    }
    try {
      if (tree instanceof ObjectNode old && FIRST_FORMAT.equals(old.path("format").asText())) {
        upgradeFirst(old);
      }
      if (tree instanceof ObjectNode old && SECOND_FORMAT.equals(old.path("format").asText())) {
        upgradeSecond(old);
      }
      return MAPPER.treeToValue(tree, CaseFile.class);
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      // Jackson's wording names its own switches; the path already says which field
      String problem = root != e ? root.getMessage()
          : e.getOriginalMessage().startsWith("Missing creator property") ? "missing" : e.getOriginalMessage();
      throw new CaseFileException(file, CaseFileException.Problem.NOT_A_CASE_FILE,
          "at " + path(e) + ": " + firstLine(problem));
    } catch (JacksonException | IllegalArgumentException e) {
      throw new CaseFileException(file, CaseFileException.Problem.NOT_A_CASE_FILE, firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  /** {@code $.record.calls[0].attempts}: where in the file a mapping failed. */
  private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
    StringBuilder path = new StringBuilder("$");
    for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append('.').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /**
   * A {@value #FIRST_FORMAT} file as the second format says it: the plan carries the file's
   * persistence, and no call was hung (the harness could not yet tell).
   */
  private static void upgradeFirst(ObjectNode file) {
    file.put("format", SECOND_FORMAT);
    JsonNode record = file.path("record");
    if (record.path("scenario").path("fault") instanceof ObjectNode fault) {
      fault.put("persistent", file.path("persistent").asBoolean(false));
    }
    for (JsonNode call : record.path("calls")) {
      if (call instanceof ObjectNode old) {
        old.putNull("hung");
      }
    }
    if (record.path("probe").path("call") instanceof ObjectNode probe) {
      probe.putNull("hung");
    }
  }

  /**
   * A {@value #SECOND_FORMAT} file as this format says it: its SHA-256s are the hashes, under
   * their new names. A replay hashes its requests again, as the server's journal will; its record
   * stays what ran then, with SHA-256s the model no longer computes, so it is judged again only by
   * replaying it.
   */
  private static void upgradeSecond(ObjectNode file) {
    file.put("format", FORMAT);
    renameHashes(file);
  }

  private static void renameHashes(JsonNode node) {
    if (node instanceof ObjectNode object) {
      rename(object, "sha256", "hash");
      rename(object, "requestSha256", "requestHash");
    }
    node.forEach(CaseFile::renameHashes);
  }

  private static void rename(ObjectNode object, String from, String to) {
    if (object.has(from) && !object.has(to)) {
      object.set(to, object.remove(from));
    }
  }
}
