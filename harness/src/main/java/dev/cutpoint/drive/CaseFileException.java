package dev.cutpoint.drive;

import java.nio.file.Path;

/** A case file that cannot be read: which file, and why, in one line. */
public final class CaseFileException extends RuntimeException {

  private final transient Path file;

  public CaseFileException(Path file, String reason) {
    super(file + ": " + reason);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
