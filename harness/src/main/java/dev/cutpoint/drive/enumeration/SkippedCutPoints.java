package dev.cutpoint.drive.enumeration;

import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.Phase;
import java.util.Objects;

/**
 * Cut points at offsets {@code from}..{@code to} of one request's bytes (or response's, or gap),
 * one phase and kind, that did not run: {@code count} of them (a stride's run may hold fewer than
 * the range, when another cause took some), why, and in words.
 */
public record SkippedCutPoints(
    int requestIndex, Side side, Phase phase, FaultKind kind, long from, long to, long count, SkipCause cause,
    String reason) {

  public SkippedCutPoints {
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(reason, "reason");
    if (from < 0 || to < from || count < 1 || count > to - from + 1) {
      throw new IllegalArgumentException(from + ".." + to + " cannot hold " + count + " cut points");
    }
  }
}
