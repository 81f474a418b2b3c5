package dev.cutpoint.drive.brzserve;

import dev.cutpoint.drive.breezy.BreezyException;
import java.util.List;

/** A {@code brz} command the harness ran to prepare the served directory failed. */
public final class BrzCommandFailed extends BreezyException {

  private final List<String> command;
  private final int exitCode;

  BrzCommandFailed(List<String> command, int exitCode, String output) {
    super(String.join(" ", command) + " exited with " + exitCode + ": " + output.strip());
    this.command = List.copyOf(command);
    this.exitCode = exitCode;
  }

  public List<String> command() {
    return command;
  }

  /** The exit status, or -1 when it had to be killed. */
  public int exitCode() {
    return exitCode;
  }
}
