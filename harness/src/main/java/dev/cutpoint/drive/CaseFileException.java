package dev.cutpoint.drive;

import java.nio.file.Path;

/** A case file that cannot be read: which file, what kind of damage, and why, in one line. */
public final class CaseFileException extends RuntimeException {

  /** What is wrong with the file. */
  public enum Problem {
    NO_SUCH_FILE("no such file"),
    UNREADABLE("cannot be read"),
    NOT_TEXT("is not UTF-8 text"),
    NOT_JSON("is not JSON"),
    NOT_A_CASE_FILE("is not a case file");

    private final String text;

    Problem(String text) {
      this.text = text;
    }
  }

  private final transient Path file;
  private final Problem problem;

  public CaseFileException(Path file, String reason) {
    this(file, Problem.NOT_A_CASE_FILE, reason);
  }

  /** {@code case.json is not JSON: line 11, column 90: unexpected end of input}. */
  public CaseFileException(Path file, Problem problem, String detail) {
    super(file + " " + problem.text + (detail.isEmpty() ? "" : ": " + detail));
    this.file = file;
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public Path file() {
    return file;
  }
}
