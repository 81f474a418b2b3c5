package dev.cutpoint.drive.commands;

/** The harness could not run a command case (a safety net expired, a setup step failed): never a verdict. */
public final class CommandHarnessError extends RuntimeException {

  public CommandHarnessError(String message) {
    super(message);
  }

  public CommandHarnessError(String message, Throwable cause) {
    super(message, cause);
  }
}
