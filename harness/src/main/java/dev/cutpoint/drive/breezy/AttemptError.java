package dev.cutpoint.drive.breezy;

import dev.cutpoint.history.FailureSite;
import java.util.Objects;

/**
 * The exception that ended one attempt of Breezy's client, and where the driver saw it.
 *
 * @param site connecting, sending the request ({@code _send_no_retry}), or reading the response
 * @param type the Python exception's class name, e.g. {@code ConnectionReset}, {@code
 *     TimeoutError}
 * @param module the class's module, e.g. {@code breezy.errors}, {@code builtins}
 * @param message the exception's text
 */
public record AttemptError(FailureSite site, String type, String module, String message) {

  public AttemptError {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(message, "message");
  }
}
