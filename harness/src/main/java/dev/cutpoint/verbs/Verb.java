package dev.cutpoint.verbs;

import java.util.List;
import java.util.Objects;

/**
 * One verb of the smart protocol, as data: its name on the wire, its retry class, the arguments it
 * takes after the verb (the first {@code requiredArguments} of them mandatory), the body its
 * request carries, the arguments of its success response, whether that response has a body, the
 * errors the server may answer with, and whether {@code brz serve} knows it.
 *
 * <p>Shapes are written as in Breezy's source ({@code breezy/bzr/smart/vfs.py},
 * {@code branch.py}, {@code request.py}): a literal in quotes ({@code "ok"}), a placeholder in
 * angle brackets ({@code <size>}), a repeated tail with {@code ...}.
 */
public record Verb(
    String name,
    VerbClass verbClass,
    List<String> arguments,
    int requiredArguments,
    RequestBody requestBody,
    List<String> successArgs,
    boolean responseBody,
    List<String> errors,
    boolean onBreezy) {

  /** What the request carries after its arguments. */
  public enum RequestBody {
    /** No body part. */
    NONE,
    /** One body part (several are joined, as Breezy's {@code do_end} does). */
    BYTES,
    /** A body stream: one body part per record, from a non-rewindable source. */
    STREAM
  }

  public Verb {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(verbClass, "verbClass");
    arguments = List.copyOf(arguments);
    successArgs = List.copyOf(successArgs);
    errors = List.copyOf(errors);
    if (requiredArguments < 0 || requiredArguments > arguments.size()) {
      throw new IllegalArgumentException(name + ": " + requiredArguments + " required of " + arguments.size() + " arguments");
    }
  }

  /** Whether {@code count} arguments after the verb are acceptable. */
  public boolean acceptsArgumentCount(int count) {
    return count >= requiredArguments && count <= arguments.size();
  }
}
