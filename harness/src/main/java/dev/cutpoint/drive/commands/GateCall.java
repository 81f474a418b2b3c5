package dev.cutpoint.drive.commands;

import java.util.List;
import java.util.OptionalLong;

/**
 * One smart-protocol call of a brz command, from its start to the next call's: its verb, the bytes
 * it wrote and read (its response body included), and each attempt.
 */
public record GateCall(int index, String verb, long written, long read, List<GateAttempt> attempts) {

  public GateCall {
    attempts = List.copyOf(attempts);
  }

  /** The connection of its first attempt. */
  public OptionalLong connection() {
    return attempts.isEmpty() ? OptionalLong.empty() : attempts.get(0).connection();
  }

  /** How many times the request was sent: 2 or more means Breezy resent it. */
  public int sendings() {
    return attempts.size();
  }
}
