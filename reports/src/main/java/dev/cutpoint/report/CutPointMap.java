package dev.cutpoint.report;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where an enumeration cut its workload (SPEC §12): the workload's requests and responses as
 * strips of bytes, one mark per cut point that ran (its case is in {@code matrix.json}), and every
 * cut point that did not run, in ranges with the cause and the reason. This is
 * {@code cutpoints.json} beside {@code matrix.json} (reports/SCHEMA.md, "Cut points").
 *
 * @param stride inside a body part longer than this, only its first and last bytes and every
 *     stride-th byte are cut
 * @param maxCases the cap on cases the run was given, if any
 */
public record CutPointMap(
    String schema,
    String target,
    long stride,
    Optional<Integer> maxCases,
    List<Strip> strips,
    List<Mark> marks,
    List<SkippedRange> skipped,
    List<OmittedRequest> omitted) {

  public static final String SCHEMA = "cutpoint-cutpoints/1";

  /** Which bytes a strip stands for. */
  public enum Side {
    /** The k request bytes that reached the server (WRITE, FLUSH). */
    REQUEST,
    /** The j response bytes that reached the client (READ). */
    RESPONSE,
    /** The gap before the request (BETWEEN); offset 0. */
    GAP
  }

  /** Why a cut point did not run. */
  public enum Cause {
    /** Inside a large body, between the offsets the stride keeps. */
    STRIDE,
    /** Left out to stay under {@code --max-cases}, evenly. */
    MAX_CASES,
    /** The target and its Toxiproxy cannot cut there honestly (the reason says why). */
    NOT_EXPRESSIBLE
  }

  /**
   * One request, response or gap of the workload.
   *
   * @param length n request bytes, m response bytes, 0 for a gap; cut points lie in 0..n, 0..m−1, 0
   * @param bodies the body bytes of a request, as [from, to) byte ranges of the message
   */
  public record Strip(Side side, int requestIndex, String verb, String verbClass, long length, List<Range> bodies) {
    public Strip {
      Checks.present("side", side);
      Checks.notNegative("requestIndex", requestIndex);
      Checks.text("verb", verb);
      Checks.text("verbClass", verbClass);
      Checks.notNegative("length", length);
      bodies = Checks.list("bodies", bodies);
    }

    /** {@code request-3}, {@code response-3}, {@code gap-3}. */
    public String id() {
      return side.name().toLowerCase(java.util.Locale.ROOT) + "-" + requestIndex;
    }
  }

  /** Bytes [from, to) of a message. */
  public record Range(long from, long to) {
    public Range {
      Checks.notNegative("from", from);
      if (to < from) {
        throw new IllegalArgumentException("range " + from + ".." + to + " ends before it starts");
      }
    }
  }

  /**
   * One cut point that ran.
   *
   * @param delivery for a gap, how the connections were closed ({@code SERVER_RESTART},
   *     {@code PROXY_TOGGLE}); empty otherwise
   */
  public record Mark(String strip, long offset, String phase, String kind, Optional<String> delivery, String caseId) {
    public Mark {
      Checks.text("strip", strip);
      Checks.notNegative("offset", offset);
      Checks.text("phase", phase);
      Checks.text("kind", kind);
      delivery = Checks.optional(delivery);
      Checks.text("caseId", caseId);
    }
  }

  /** Cut points [from, to] of one strip, phase and kind that did not run, and why. */
  public record SkippedRange(String strip, String phase, String kind, long from, long to, long count, Cause cause,
      String reason) {
    public SkippedRange {
      Checks.text("strip", strip);
      Checks.text("phase", phase);
      Checks.text("kind", kind);
      Checks.notNegative("from", from);
      if (to < from || count < 1 || count > to - from + 1) {
        throw new IllegalArgumentException("skipped range " + from + ".." + to + " cannot hold " + count + " cut points");
      }
      Checks.present("cause", cause);
      Checks.text("reason", reason);
    }
  }

  /** A request of the workload the target cannot run at all (brz serve has no insert_stream). */
  public record OmittedRequest(int requestIndex, String verb, String verbClass, String reason) {
    public OmittedRequest {
      Checks.text("verb", verb);
      Checks.text("reason", reason);
    }
  }

  public CutPointMap {
    if (!SCHEMA.equals(schema)) {
      throw new IllegalArgumentException("schema is " + schema + ", this reader knows " + SCHEMA);
    }
    Checks.text("target", target);
    if (stride < 1) {
      throw new IllegalArgumentException("stride must be 1 or more: " + stride);
    }
    maxCases = Checks.optional(maxCases);
    strips = Checks.list("strips", strips);
    marks = Checks.list("marks", marks);
    skipped = Checks.list("skipped", skipped);
    omitted = Checks.list("omitted", omitted);
    Set<String> ids = new HashSet<>();
    strips.forEach(s -> {
      if (!ids.add(s.id())) {
        throw new IllegalArgumentException("strip " + s.id() + " appears twice");
      }
    });
    for (Mark mark : marks) {
      if (!ids.contains(mark.strip())) {
        throw new IllegalArgumentException("mark of case " + mark.caseId() + " on strip " + mark.strip() + ", which does not exist");
      }
    }
    for (SkippedRange range : skipped) {
      if (!ids.contains(range.strip())) {
        throw new IllegalArgumentException("skipped range on strip " + range.strip() + ", which does not exist");
      }
    }
  }

  /** Skipped cut points of one cause. */
  public long skipped(Cause cause) {
    return skipped.stream().filter(r -> r.cause() == cause).mapToLong(SkippedRange::count).sum();
  }

  /** Checks that every mark's case is one of {@code report}'s. */
  public void requireCasesIn(MatrixReport report) {
    Set<String> cases = new HashSet<>();
    report.cases().forEach(c -> cases.add(c.id()));
    for (Mark mark : marks) {
      if (!cases.contains(mark.caseId())) {
        throw new IllegalArgumentException("cut point " + mark.strip() + "@" + mark.offset() + " names case "
            + mark.caseId() + ", which the report does not hold");
      }
    }
  }
}
