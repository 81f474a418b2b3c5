package dev.cutpoint.drive;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
 * persistent, and the violations found when it ran (for the reader; a replay judges afresh).
 */
public record CaseFile(
    String format,
    String id,
    MatrixCell cell,
    String mutant,
    boolean persistent,
    List<String> violations,
    CaseRecord record) {

  public static final String FORMAT = "cutpoint-case/1";

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
    MAPPER.writeValue(file.toFile(), this);
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
      throw new CaseFileException(file, "no such file");
    } catch (IOException e) {
      throw new CaseFileException(file, e.getMessage());
    }
    try {
      return MAPPER.readValue(json, CaseFile.class);
    } catch (JacksonException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new CaseFileException(file, "not a " + FORMAT + " case file" + where + ": "
          + (root == e ? e.getOriginalMessage() : root.getMessage()));
    }
  }
}
