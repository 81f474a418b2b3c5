package dev.cutpoint.drive.commands;

import dev.cutpoint.history.FaultPlan;
import java.util.Objects;

/**
 * One cut of one command: call {@code plan.requestIndex()} of the command's fault-free run (whose
 * verb it was), in a phase, of a kind, at a drawn byte offset.
 */
public record CutPoint(BrzCommand command, String verb, FaultPlan plan) {

  public CutPoint {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(plan, "plan");
  }

  public int call() {
    return plan.requestIndex();
  }

  /** {@code push-new #5 Branch.lock_write WRITE x CLOSE k=17}. */
  public String describe() {
    String at = switch (plan.phase()) {
      case WRITE, FLUSH -> " k=" + plan.offset();
      case READ -> " j=" + plan.offset();
      case BETWEEN -> " by " + plan.delivery().name().toLowerCase().replace('_', ' ');
    };
    return command.id() + " #" + call() + " " + verb + " " + plan.phase() + " x " + plan.kind() + at;
  }
}
