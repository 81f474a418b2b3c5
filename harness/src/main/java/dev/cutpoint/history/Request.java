package dev.cutpoint.history;

import dev.cutpoint.verbs.VerbClass;
import java.util.List;
import java.util.Objects;

/**
 * One request of a scenario's sequence, as the driver encoded it: enough to replay it and for the
 * model to apply it. {@code args} are the request's arguments as strings (Breezy's order, SPEC §3.2);
 * {@code encodedLength} is <i>n</i>, the length of the whole v3 message including its terminal
 * {@code e}; {@code hash} is their {@link Digest} hash, the key that finds it in a server's journal.
 */
public record Request(
    int index,
    String verb,
    VerbClass verbClass,
    List<String> args,
    RequestBody body,
    long encodedLength,
    String hash) {

  public Request {
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(verbClass, "verbClass");
    args = List.copyOf(Objects.requireNonNull(args, "args"));
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(hash, "hash");
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, was " + index);
    }
    if (encodedLength < 2) {
      throw new IllegalArgumentException("encodedLength must be >= 2, was " + encodedLength);
    }
    Digest.requireHash("hash", hash);
  }

  /** The argument at {@code position}, or a clear error naming the verb when it is missing. */
  public String arg(int position) {
    if (position >= args.size()) {
      throw new IllegalArgumentException(
          verb + " request " + index + " has no argument " + position + ": " + args);
    }
    return args.get(position);
  }
}
