package dev.cutpoint.report;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is not a {@code matrix.json} this code can read: bad JSON, another schema, an inconsistent report. */
public final class MalformedReportException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final String problem;

  public MalformedReportException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
    this.problem = problem;
  }

  /** The file that was read. */
  public Path file() {
    return file;
  }

  /** What is wrong with it, without the file name. */
  public String problem() {
    return problem;
  }
}
