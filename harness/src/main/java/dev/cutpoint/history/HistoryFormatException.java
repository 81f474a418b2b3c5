package dev.cutpoint.history;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;

/** A case file that is not a valid case record: where it is, and what is wrong, in one line. */
public final class HistoryFormatException extends RuntimeException {

  private final String source;
  private final long line;
  private final long column;

  HistoryFormatException(String source, JacksonException cause) {
    super(describe(source, cause), cause);
    this.source = source;
    JsonLocation at = cause.getLocation();
    this.line = at == null ? -1 : at.getLineNr();
    this.column = at == null ? -1 : at.getColumnNr();
  }

  private static String describe(String source, JacksonException cause) {
    JsonLocation at = cause.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String why = root == cause ? cause.getOriginalMessage() : root.getMessage();
    return "not a case record: " + source + where + ": " + why;
  }

  /** The file (or {@code <string>}) that failed to parse. */
  public String source() {
    return source;
  }

  /** 1-based line of the problem, or -1 when unknown. */
  public long line() {
    return line;
  }

  /** 1-based column of the problem, or -1 when unknown. */
  public long column() {
    return column;
  }
}
