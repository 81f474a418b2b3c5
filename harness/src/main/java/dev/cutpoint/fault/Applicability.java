package dev.cutpoint.fault;

import java.util.Objects;

/**
 * Whether a cell of the fault matrix (verb class × phase × kind) can be expressed honestly, and
 * how: which offsets are exact, whether the faulted request must be the first on a connection
 * opened while the toxic is present, whether it takes an extension toxic that only the embedded
 * proxy has (a real Toxiproxy cannot cut there, or not at every offset), and in words how it is
 * done — or why it cannot be (the report shows this reason in the cell, SPEC §5.1: never
 * approximated silently).
 */
public record Applicability(
    boolean applicable,
    OffsetRule offsets,
    boolean needsFreshConnection,
    boolean embeddedOnly,
    String reason) {

  /** Which offsets a cell can cut at exactly. */
  public enum OffsetRule {
    /** Any offset in the phase's range of SPEC §5.1. */
    ANY,
    /** Only offset 0: the start of the request (WRITE) or of the response (READ). */
    START_ONLY,
    /** No cut point: BETWEEN, the non-fatal kinds, and cells that are not applicable. */
    NONE
  }

  public Applicability {
    Objects.requireNonNull(offsets, "offsets");
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("an applicability always says how or why not");
    }
    if (embeddedOnly && !applicable) {
      throw new IllegalArgumentException("only an applicable cell takes an extension toxic");
    }
  }

  static Applicability exact(OffsetRule offsets, String how) {
    return new Applicability(true, offsets, false, false, how);
  }

  static Applicability onFreshConnection(OffsetRule offsets, String how) {
    return new Applicability(true, offsets, true, false, how);
  }

  /** Cut by an extension toxic of the embedded proxy (SPEC §4.2), on any connection. */
  static Applicability byExtension(OffsetRule offsets, String how) {
    return new Applicability(true, offsets, false, true, how);
  }

  public static Applicability notApplicable(String why) {
    return new Applicability(false, OffsetRule.NONE, false, false, why);
  }
}
