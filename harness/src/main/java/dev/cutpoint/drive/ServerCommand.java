package dev.cutpoint.drive;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A user's own bzr smart server as the server side of a target ({@code --server-command}, SPEC §6):
 * a shell command with the placeholders {@code {host}}, {@code {port}} and {@code {dir}}, which the
 * harness fills in, runs per run (and again per restart), and waits on until it accepts. Like
 * {@code brz serve}, it is judged from the state of the directory it serves.
 *
 * @param template the command as the user wrote it, e.g. {@code brz serve --listen={host}
 *     --port={port} --directory={dir} --allow-writes}
 */
public record ServerCommand(String template) {

  public ServerCommand {
    Objects.requireNonNull(template, "template");
    if (template.isBlank()) {
      throw new IllegalArgumentException("the server command is empty");
    }
    for (String needed : List.of("{port}", "{dir}")) {
      if (!template.contains(needed)) {
        throw new IllegalArgumentException("the server command must contain " + needed
            + " (the harness chooses the port and the directory it serves): " + template);
      }
    }
  }

  /** The command for {@code /bin/sh -c}, each value quoted for the shell. */
  public List<String> argv(String host, int port, Path directory) {
    String command = template
        .replace("{host}", quoted(host))
        .replace("{port}", Integer.toString(port))
        .replace("{dir}", quoted(directory.toString()));
    return List.of("/bin/sh", "-c", command);
  }

  private static String quoted(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
