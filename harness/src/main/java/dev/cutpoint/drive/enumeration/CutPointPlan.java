package dev.cutpoint.drive.enumeration;

import dev.cutpoint.drive.MatrixCell;
import dev.cutpoint.drive.Requests;
import dev.cutpoint.fault.Applicability;
import dev.cutpoint.history.Delivery;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.FaultPlan;
import dev.cutpoint.history.Phase;
import dev.cutpoint.history.Request;
import dev.cutpoint.wire.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The cut points of a workload (SPEC §12), and every one that will not run, with the cause:
 *
 * <ul>
 *   <li>every k in 0…n of every request, WRITE below n−1 and FLUSH at n−1 and n, for CLOSE, RESET
 *       and BLACKHOLE; inside a body part longer than the stride, only its first and last bytes
 *       and every stride-th byte (the framing around and between body parts, a stream's chunk
 *       boundaries included, is cut at every byte);
 *   <li>every j in 0…m−1 of every response, READ, for the same kinds;
 *   <li>every gap between two requests, BETWEEN, for each delivery the target has.
 * </ul>
 *
 * Whether a cut point can be expressed is the target's to say ({@link Applicability}: the cell,
 * and which offsets it cuts exactly), so that what a provider learns to cut (a reset after
 * exactly k bytes) is enumerated without a change here; what it cannot is skipped with its reason.
 * {@code maxCases} then keeps that many, evenly spaced.
 */
public record CutPointPlan(List<CutPoint> cutPoints, List<SkippedCutPoints> skipped) {

  /** The kinds that cut: SLICE and LATENCY disturb a whole message and have no cut point. */
  static final List<FaultKind> KINDS = List.of(FaultKind.CLOSE, FaultKind.RESET, FaultKind.BLACKHOLE);

  public CutPointPlan {
    cutPoints = List.copyOf(cutPoints);
    skipped = List.copyOf(skipped);
  }

  /** Cut points skipped for this cause. */
  public long skipped(SkipCause cause) {
    return skipped.stream().filter(s -> s.cause() == cause).mapToLong(SkippedCutPoints::count).sum();
  }

  /**
   * The plan for {@code requests} whose responses have {@code responseLengths} bytes.
   *
   * @param applicability the target's word on each cell ({@code Target.applicability})
   * @param stride at least 1
   * @param maxCases at least 1, when given
   */
  public static CutPointPlan of(
      List<Request> requests,
      List<Long> responseLengths,
      List<Delivery> deliveries,
      Function<MatrixCell, Applicability> applicability,
      long stride,
      Optional<Integer> maxCases) {
    if (stride < 1) {
      throw new IllegalArgumentException("the stride must be at least 1, was " + stride);
    }
    if (responseLengths.size() != requests.size()) {
      throw new IllegalArgumentException(responseLengths.size() + " response lengths for " + requests.size() + " requests");
    }
    List<CutPoint> points = new ArrayList<>();
    List<SkippedCutPoints> skipped = new ArrayList<>();
    for (Request request : requests) {
      int i = request.index();
      long n = request.encodedLength();
      long m = responseLengths.get(i);
      if (i > 0) {
        for (Delivery delivery : deliveries) {
          FaultPlan plan = FaultPlan.between(i, delivery);
          Applicability cell = applicability.apply(new MatrixCell(request.verbClass(), Phase.BETWEEN, FaultKind.CLOSE));
          if (cell.applicable()) {
            points.add(new CutPoint(plan));
          } else {
            skipped.add(new SkippedCutPoints(i, Side.GAP, Phase.BETWEEN, FaultKind.CLOSE, 0, 0, 1,
                SkipCause.NOT_EXPRESSIBLE, delivery + ": " + cell.reason()));
          }
        }
      }
      TreeSet<Long> kept = requestOffsets(request, stride);
      for (FaultKind kind : KINDS) {
        side(points, skipped, request, Phase.WRITE, kind, 0, n - 2, kept, applicability, stride);
        side(points, skipped, request, Phase.FLUSH, kind, n - 1, n, kept, applicability, stride);
      }
      TreeSet<Long> every = new TreeSet<>();
      for (long j = 0; j < m; j++) {
        every.add(j);
      }
      for (FaultKind kind : KINDS) {
        if (m > 0) {
          side(points, skipped, request, Phase.READ, kind, 0, m - 1, every, applicability, stride);
        }
      }
    }
    return capped(new CutPointPlan(points, skipped), maxCases);
  }

  /**
   * The cut points of one phase and kind in offsets {@code lo}..{@code hi}: those the target
   * expresses and the stride keeps run; the others are skipped in ranges.
   */
  private static void side(
      List<CutPoint> points, List<SkippedCutPoints> skipped, Request request, Phase phase, FaultKind kind,
      long lo, long hi, TreeSet<Long> kept, Function<MatrixCell, Applicability> applicability,
      long stride) {
    if (hi < lo) {
      return;
    }
    int i = request.index();
    Side side = phase == Phase.READ ? Side.RESPONSE : Side.REQUEST;
    Applicability cell = applicability.apply(new MatrixCell(request.verbClass(), phase, kind));
    // the offsets the cell cuts exactly: all of its phase's range, or only the message's start
    long expressibleFrom;
    long expressibleTo;
    if (!cell.applicable() || cell.offsets() == Applicability.OffsetRule.NONE) {
      skipped.add(new SkippedCutPoints(i, side, phase, kind, lo, hi, hi - lo + 1, SkipCause.NOT_EXPRESSIBLE,
          cell.reason()));
      return;
    }
    if (cell.offsets() == Applicability.OffsetRule.START_ONLY) {
      if (lo > 0) {
        skipped.add(new SkippedCutPoints(i, side, phase, kind, lo, hi, hi - lo + 1, SkipCause.NOT_EXPRESSIBLE,
            "exact only at offset 0: " + cell.reason()));
        return;
      }
      expressibleFrom = 0;
      expressibleTo = 0;
      if (hi > 0) {
        skipped.add(new SkippedCutPoints(i, side, phase, kind, 1, hi, hi, SkipCause.NOT_EXPRESSIBLE,
            "exact only at offset 0: " + cell.reason()));
      }
    } else {
      expressibleFrom = lo;
      expressibleTo = hi;
    }
    long previous = expressibleFrom - 1;
    for (long offset : kept.subSet(expressibleFrom, true, expressibleTo, true)) {
      if (offset > previous + 1) {
        skipped.add(strideGap(i, side, phase, kind, previous + 1, offset - 1, stride));
      }
      // the offsets are SPEC §5.1's ranges by construction; FaultCells.validate is not asked, as it
      // knows what Shopify's toxics express, not what this target's provider does
      points.add(new CutPoint(new FaultPlan(i, phase, offset, kind, Delivery.TOXIC)));
      previous = offset;
    }
    if (previous < expressibleTo) {
      skipped.add(strideGap(i, side, phase, kind, previous + 1, expressibleTo, stride));
    }
  }

  private static SkippedCutPoints strideGap(int i, Side side, Phase phase, FaultKind kind, long from, long to,
      long stride) {
    return new SkippedCutPoints(i, side, phase, kind, from, to, to - from + 1, SkipCause.STRIDE,
        "inside a body part, between the stride's offsets (every " + stride + " B)");
  }

  /**
   * The request offsets 0…n to cut: every one, except inside a body part longer than the stride,
   * where only its first and last bytes and every stride-th byte from its start are kept. A body's
   * parts are the message's last parts, each {@code b} + 4-byte length + bytes, then the terminal
   * {@code e}, so they are found from the end whatever headers the client sends.
   */
  static TreeSet<Long> requestOffsets(Request request, long stride) {
    long n = request.encodedLength();
    List<long[]> large = new ArrayList<>();
    if (request.body().kind() != dev.cutpoint.history.BodyKind.NONE) {
      List<ByteString> chunks = Requests.chunks(request.body());
      long end = n - 1;
      for (int c = chunks.size() - 1; c >= 0; c--) {
        long length = chunks.get(c).length();
        long start = end - length;
        if (length > stride) {
          large.add(new long[] {start, end});
        }
        end = start - 5;
      }
    }
    TreeSet<Long> kept = new TreeSet<>();
    long k = 0;
    large.sort((a, b) -> Long.compare(a[0], b[0]));
    for (long[] body : large) {
      for (; k <= body[0]; k++) {
        kept.add(k);
      }
      // k bytes of the message reached the server: body[0] is no body byte, body[1] all of them
      kept.add(body[0] + 1);
      for (long at = body[0] + stride; at < body[1]; at += stride) {
        kept.add(at);
      }
      kept.add(body[1] - 1);
      k = body[1];
    }
    for (; k <= n; k++) {
      kept.add(k);
    }
    return kept;
  }

  /** Keeps {@code maxCases} of the plan's cut points, evenly spaced; the others are skipped, one by one. */
  private static CutPointPlan capped(CutPointPlan plan, Optional<Integer> maxCases) {
    int total = plan.cutPoints().size();
    if (maxCases.isEmpty() || total <= maxCases.get()) {
      return plan;
    }
    int cap = maxCases.get();
    if (cap < 1) {
      throw new IllegalArgumentException("--max-cases must be at least 1, was " + cap);
    }
    boolean[] keep = new boolean[total];
    for (int t = 0; t < cap; t++) {
      keep[(int) ((long) t * total / cap)] = true;
    }
    List<CutPoint> kept = new ArrayList<>();
    List<SkippedCutPoints> skipped = new ArrayList<>(plan.skipped());
    for (int index = 0; index < total; index++) {
      CutPoint point = plan.cutPoints().get(index);
      if (keep[index]) {
        kept.add(point);
      } else {
        FaultPlan f = point.plan();
        skipped.add(new SkippedCutPoints(f.requestIndex(), point.side(), f.phase(), f.kind(), f.offset(), f.offset(), 1,
            SkipCause.MAX_CASES, "every " + String.format(java.util.Locale.ROOT, "%.2f", (double) total / cap)
                + "th of " + total + " cut points kept, for --max-cases " + cap));
      }
    }
    return new CutPointPlan(kept, skipped);
  }
}
