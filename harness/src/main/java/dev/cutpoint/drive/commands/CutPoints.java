package dev.cutpoint.drive.commands;

import dev.cutpoint.fault.FaultCells;
import dev.cutpoint.fault.ProxyToxics;
import dev.cutpoint.history.Delivery;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.FaultPlan;
import dev.cutpoint.history.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Every call × phase × kind of a recorded command, each with its byte offset drawn as the matrix
 * draws them (k in 0…n−2 for WRITE × CLOSE, n−1 or n for FLUSH, j in 0…m−1 for READ × CLOSE; RESET
 * and BLACKHOLE only where Toxiproxy cuts exactly: at a message's start), and the sample of them a
 * budget runs.
 */
final class CutPoints {

  private CutPoints() {}

  /**
   * The cut points of one command.
   *
   * @param blackHoles whether the proxy sees what a black hole swallows (the embedded one): without
   *     it the harness could not know when to end a hung command, and BLACKHOLE is left out
   */
  static List<CutPoint> of(BrzCommand command, List<GateCall> calls, boolean blackHoles, Random random) {
    List<CutPoint> cuts = new ArrayList<>();
    for (GateCall call : calls) {
      int r = call.index();
      long n = call.written();
      long m = call.read();
      List<FaultPlan> plans = new ArrayList<>();
      if (n >= 2) {
        plans.add(FaultPlan.write(r, (long) random.nextInt((int) Math.min(n - 1, Integer.MAX_VALUE)), FaultKind.CLOSE));
        plans.add(FaultPlan.write(r, 0, FaultKind.RESET));
        plans.add(FaultPlan.flush(r, random.nextBoolean() ? n - 1 : n, FaultKind.CLOSE));
      }
      if (m >= 1) {
        plans.add(FaultPlan.read(r, (long) random.nextInt((int) Math.min(m, Integer.MAX_VALUE)), FaultKind.CLOSE));
        plans.add(FaultPlan.read(r, 0, FaultKind.RESET));
      }
      if (blackHoles) {
        plans.add(FaultPlan.write(r, 0, FaultKind.BLACKHOLE));
        if (m >= 1) {
          plans.add(FaultPlan.read(r, 0, FaultKind.BLACKHOLE));
        }
      }
      if (r > 0) {
        plans.add(FaultPlan.between(r, random.nextBoolean() ? Delivery.SERVER_RESTART : Delivery.PROXY_TOGGLE));
      }
      for (FaultPlan plan : plans) {
        FaultCells.validate(plan, n, m, ProxyToxics.SHOPIFY);
        cuts.add(new CutPoint(command, call.verb(), plan));
      }
    }
    return cuts;
  }

  /**
   * At most {@code budget} of them, spread over the commands: each command's list shuffled, then
   * taken in turns, so that every command gets its share.
   */
  static List<CutPoint> sample(List<List<CutPoint>> perCommand, int budget, Random random) {
    List<List<CutPoint>> shuffled = new ArrayList<>();
    for (List<CutPoint> cuts : perCommand) {
      List<CutPoint> copy = new ArrayList<>(cuts);
      java.util.Collections.shuffle(copy, random);
      shuffled.add(copy);
    }
    List<CutPoint> out = new ArrayList<>();
    for (int turn = 0; out.size() < budget; turn++) {
      boolean any = false;
      for (List<CutPoint> cuts : shuffled) {
        if (turn < cuts.size() && out.size() < budget) {
          out.add(cuts.get(turn));
          any = true;
        }
      }
      if (!any) {
        break;
      }
    }
    return out;
  }

  /** Phases in the order the report lists them. */
  static final List<Phase> PHASES = List.of(Phase.WRITE, Phase.FLUSH, Phase.READ, Phase.BETWEEN);
}
