package dev.cutpoint.drive;

import java.util.List;
import java.util.Objects;

/**
 * A user's own bzr smart client as the client side of a target ({@code --client-command}, SPEC §6):
 * a shell command that speaks the driver protocol of {@code docs/driver-protocol.md} on its stdin
 * and stdout, as Breezy's driver does. It needs no placeholders: the harness tells it where the
 * server is with {@code open}. Run with {@code /bin/sh -c}, once per target, and again when it
 * broke.
 *
 * @param command the command as the user wrote it, e.g. {@code python3 -u my_client.py}
 */
public record ClientCommand(String command) {

  public ClientCommand {
    Objects.requireNonNull(command, "command");
    if (command.isBlank()) {
      throw new IllegalArgumentException("the client command is empty");
    }
    if (command.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("the client command contains a NUL character: "
          + command.replace('\0', '?'));
    }
  }

  /** The command for {@code /bin/sh -c}. */
  public List<String> argv() {
    return List.of("/bin/sh", "-c", command);
  }
}
