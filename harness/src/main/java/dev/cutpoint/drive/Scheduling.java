package dev.cutpoint.drive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The kernel's scheduling class of the run's threads (sched(7)), set per target through
 * util-linux's {@code chrt}: Java has no call for it.
 *
 * <p>The java target runs in the batch class ({@code SCHED_BATCH}). Its case is a chain of short
 * hops between threads of this JVM (client, proxy, server, Toxiproxy's API), and in the normal
 * class each thread a hop wakes preempts the one that woke it, which then has to be scheduled
 * again to go on; a batch thread that wakes waits for the running one to block or for the tick.
 * {@code matrix --target java --tries 60} took 0.87 times the CPU and the wall time of the normal
 * class (farm-bench, 6 pairs). A target with a process of its own (Breezy's server or client, a
 * user's command) stays in the normal class: its hops cross into that process, and beside busy
 * neighbours a batch thread waits behind them at every hop ({@code breezy-client} beside two busy
 * processes: 37-40 cases/s in the batch class, 59-73 in the normal one). The class keeps the
 * threads' nice value and share of the CPU; threads and processes started later inherit it. No
 * verdict depends on it (SPEC §5.4).
 *
 * <p>Where {@code chrt} is missing or refused, the run goes on in the class it has and says so.
 */
public final class Scheduling {

  /** The two classes a run uses. */
  public enum Policy {
    NORMAL("--other", "normal"),
    BATCH("--batch", "batch");

    private final String option;
    private final String label;

    Policy(String option, String label) {
      this.option = option;
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** What a change of class did: whether the threads are in it now, in words for the run line. */
  public record Outcome(boolean applied, String description) {}

  /** A safety net only: chrt answers in milliseconds. */
  private static final long CHRT_SAFETY_NET_SECONDS = 30;
  /** The class this JVM's threads were last put in; null until then (a JVM may start in either). */
  private static Policy current;
  /** Why chrt cannot be used here, once it failed: later targets do not try again. */
  private static Optional<String> unavailable = Optional.empty();

  private Scheduling() {}

  /** The class a target's cases run in: batch where every thread of a case is this JVM's. */
  public static Policy forTarget(String target) {
    return target.equals(JavaTarget.NAME) ? Policy.BATCH : Policy.NORMAL;
  }

  /** Puts every thread of this JVM in {@code policy}, unless it is there already. */
  public static synchronized Outcome use(Policy policy) {
    if (policy == current) {
      return new Outcome(true, policy.label());
    }
    if (unavailable.isPresent()) {
      return new Outcome(false, current.label() + " (" + unavailable.get() + ")");
    }
    Optional<String> failure = run(List.of("chrt", "--all-tasks", policy.option, "--pid", "0",
        Long.toString(ProcessHandle.current().pid())));
    if (failure.isPresent()) {
      unavailable = failure;
      return new Outcome(false, current.label() + " (" + failure.get() + ")");
    }
    current = policy;
    return new Outcome(true, policy.label());
  }

  /**
   * The classes of a run's targets, for its run line: {@code batch}, or {@code batch on java,
   * normal on breezy}. Puts the threads in the first target's class now, so that a {@code chrt}
   * that cannot be used is said here: {@code normal (chrt could not run: …)}.
   */
  public static String plan(List<String> targets) {
    Outcome first = use(forTarget(targets.get(0)));
    if (!first.applied()) {
      return first.description();
    }
    Map<Policy, List<String>> byPolicy = new LinkedHashMap<>();
    for (String target : targets) {
      byPolicy.computeIfAbsent(forTarget(target), p -> new ArrayList<>()).add(target);
    }
    if (byPolicy.size() == 1) {
      return byPolicy.keySet().iterator().next().label();
    }
    List<String> parts = new ArrayList<>();
    byPolicy.forEach((policy, names) -> parts.add(policy.label() + " on " + String.join(", ", names)));
    return String.join(", ", parts);
  }

  /** Runs {@code command}: empty when it succeeded, else why not, in words. */
  static Optional<String> run(List<String> command) {
    String name = command.get(0);
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return Optional.of(name + " could not run: " + e.getMessage());
    }
    try (InputStream said = process.getInputStream()) {
      process.getOutputStream().close();
      // its few words fit in the pipe: it can end before they are read
      if (!process.waitFor(CHRT_SAFETY_NET_SECONDS, TimeUnit.SECONDS)) {
        return Optional.of(name + " did not end");
      }
      if (process.exitValue() != 0) {
        String output = new String(said.readNBytes(4096), StandardCharsets.UTF_8).strip();
        return Optional.of(name + " exited with " + process.exitValue()
            + output.lines().findFirst().map(line -> ": " + line).orElse(""));
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(name + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while " + name + " ran");
    } finally {
      process.destroyForcibly();
    }
  }
}
