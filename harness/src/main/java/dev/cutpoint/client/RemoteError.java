package dev.cutpoint.client;

import dev.cutpoint.wire.BList;
import dev.cutpoint.wire.BValue;
import dev.cutpoint.wire.ByteString;

/**
 * The server answered with an error ({@code oE}, or a body stream ended by {@code oE}): Breezy's
 * {@code ErrorFromSmartServer}. The first item of the error tuple names the error ({@code
 * NoSuchFile}, {@code FileExists}, {@code LockContention}…).
 */
public final class RemoteError extends CallFailed {

  private final BList errorArgs;

  RemoteError(String verb, BList errorArgs) {
    super(verb, "server error calling " + verb + ": " + errorArgs, null);
    this.errorArgs = errorArgs;
  }

  /** The error's name, the first item of the error tuple (empty if the tuple is). */
  public String errorName() {
    if (errorArgs.size() == 0) {
      return "";
    }
    BValue first = errorArgs.get(0);
    return first instanceof ByteString name ? name.utf8() : first.toString();
  }

  /** The whole error tuple, its name included. */
  public BList errorArgs() {
    return errorArgs;
  }
}
