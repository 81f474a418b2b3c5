package dev.cutpoint.report;

import java.util.Optional;

/**
 * The one fault of a case (SPEC §5).
 *
 * @param requestIndex the request it hits
 * @param phase where the cut falls: {@code WRITE}, {@code FLUSH}, {@code READ}, {@code BETWEEN}
 * @param offset the byte after which it falls: into the request for WRITE and FLUSH, into the
 *     response for READ; 0 for BETWEEN
 * @param outOf the length {@code offset} counts into (n request bytes, m response bytes), when known
 * @param kind how the connection breaks: {@code CLOSE}, {@code RESET}, {@code BLACKHOLE}, {@code
 *     SLICE}, {@code LATENCY}
 * @param persistent a persistent fault (SPEC §5.3): it hits every connection of the call, the server
 *     stays away, so a loud failure after at most one resend is right; these cases are extra to a
 *     cell's tries (their ids end {@code -p0}, {@code -p1}, …)
 */
public record FaultRecord(
    int requestIndex, String phase, long offset, Optional<Long> outOf, String kind, boolean persistent) {

  /** A one-shot fault, the kind every generated case has. */
  public FaultRecord(int requestIndex, String phase, long offset, Optional<Long> outOf, String kind) {
    this(requestIndex, phase, offset, outOf, kind, false);
  }

  public FaultRecord {
    Checks.notNegative("requestIndex", requestIndex);
    Checks.text("phase", phase);
    Checks.notNegative("offset", offset);
    outOf = Checks.optional(outOf);
    outOf.ifPresent(n -> Checks.notNegative("outOf", n));
    Checks.text("kind", kind);
  }
}
