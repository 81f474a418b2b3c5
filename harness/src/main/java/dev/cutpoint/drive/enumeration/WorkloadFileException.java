package dev.cutpoint.drive.enumeration;

import java.nio.file.Path;

/** A workload file (or a case file used as one) that cannot be read, naming the file and the problem. */
public final class WorkloadFileException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public WorkloadFileException(Path file, String problem) {
    super(file + ": " + problem);
  }
}
