package dev.cutpoint.drive;

import dev.cutpoint.toxiproxy.ToxiproxyChoice;
import dev.cutpoint.toxiproxy.ToxiproxyProviders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The kernel's scheduling class of the run's threads (sched(7)), set for each target through
 * util-linux's {@code chrt}: Java has no call for it.
 *
 * <p>The java target on the embedded Toxiproxy runs in the batch class ({@code SCHED_BATCH}). Its
 * case is a chain of short hops between threads of this JVM (client, proxy, server, Toxiproxy's
 * API), and in the normal class each thread a hop wakes preempts the one that woke it, which then
 * has to be scheduled again to go on; a batch thread that wakes waits for the running one to block
 * or for the tick. {@code matrix --target java --tries 60} took 0.87 times the CPU and the wall
 * time of the normal class (farm-bench, 6 pairs). A target with a process of its own (Breezy's
 * server or client, a user's command, a Toxiproxy server) stays in the normal class: its hops
 * cross into that process, and beside busy neighbours a batch thread waits behind them at every
 * hop ({@code breezy-client} beside two busy processes: 37-40 cases/s in the batch class, 59-73 in
 * the normal one). The class keeps the threads' nice value and share of the CPU; threads and
 * processes started meanwhile inherit it; the class the JVM had comes back after the target. No
 * verdict depends on it (SPEC §5.4).
 *
 * <p>Where {@code chrt} is missing or cannot set every thread's class, the run goes on in the class
 * it has, and its run line says why ({@link #describe}).
 */
public final class Scheduling {

  /** The two classes a run uses, with sched.h's numbers (proc(5)'s stat field 41). */
  public enum Policy {
    NORMAL("--other", "normal", 0),
    BATCH("--batch", "batch", 3);

    private final String option;
    private final String label;
    private final int number;

    Policy(String option, String label, int number) {
      this.option = option;
      this.label = label;
      this.number = number;
    }

    public String label() {
      return label;
    }
  }

  /** A change of class for one target's cases: closing it puts back the class the JVM had. */
  public interface Change extends AutoCloseable {
    /** Empty when the threads are in the class asked for, else why not, in words. */
    Optional<String> failure();

    @Override
    void close();
  }

  static final String CHRT = "chrt";
  /** A safety net only: chrt answers in milliseconds. */
  private static final long CHRT_SAFETY_NET_SECONDS = 30;
  /**
   * chrt fails when a thread it listed ends before it sets that thread's class (ESRCH); another
   * try lists the threads again. A pool's threads end while the next target starts.
   */
  private static final int ATTEMPTS = 5;
  private static final Path OWN_STAT = Path.of("/proc/thread-self/stat");

  private Scheduling() {}

  /** The class a target's cases run in: batch where every hop of a case stays in this JVM. */
  public static Policy forTarget(String target, Optional<String> toxiproxy) {
    boolean inThisJvm = target.equals(JavaTarget.NAME)
        && ToxiproxyProviders.choose(toxiproxy, System::getProperty, System::getenv)
            instanceof ToxiproxyChoice.Embedded;
    return inThisJvm ? Policy.BATCH : Policy.NORMAL;
  }

  /**
   * The classes of a run's targets, for its run line: {@code batch}, {@code batch on java, normal
   * on breezy}; or, where {@code chrt} cannot be used, {@code unchanged (…)} and why. Changes
   * nothing.
   */
  public static String describe(List<String> targets, Optional<String> toxiproxy) {
    return describe(targets, toxiproxy, CHRT);
  }

  static String describe(List<String> targets, Optional<String> toxiproxy, String chrt) {
    Optional<String> unusable = usable(chrt);
    if (unusable.isPresent()) {
      return "unchanged (" + unusable.get() + ")";
    }
    Map<Policy, List<String>> byPolicy = new LinkedHashMap<>();
    for (String target : targets) {
      byPolicy.computeIfAbsent(forTarget(target, toxiproxy), p -> new ArrayList<>()).add(target);
    }
    if (byPolicy.size() == 1) {
      return byPolicy.keySet().iterator().next().label();
    }
    List<String> parts = new ArrayList<>();
    byPolicy.forEach((policy, names) -> parts.add(policy.label() + " on " + String.join(", ", names)));
    return String.join(", ", parts);
  }

  /** Puts every thread of this JVM in {@code policy} until the change is closed. */
  public static Change change(Policy policy) {
    return change(policy, CHRT);
  }

  static synchronized Change change(Policy policy, String chrt) {
    Optional<Integer> before = ownPolicy();
    if (before.isPresent() && before.get() == policy.number) {
      return unchanged(Optional.empty());
    }
    Optional<String> failure = apply(policy, chrt);
    if (failure.isPresent()) {
      return unchanged(failure);
    }
    // a JVM started in another class (chrt -i, -f) is put back in the normal one
    Policy back = before.filter(number -> number == Policy.BATCH.number).isPresent()
        ? Policy.BATCH
        : Policy.NORMAL;
    return new Change() {
      @Override
      public Optional<String> failure() {
        return Optional.empty();
      }

      @Override
      public void close() {
        synchronized (Scheduling.class) {
          apply(back, chrt);
        }
      }
    };
  }

  private static Change unchanged(Optional<String> failure) {
    return new Change() {
      @Override
      public Optional<String> failure() {
        return failure;
      }

      @Override
      public void close() {
        // nothing was changed
      }
    };
  }

  /** Why {@code chrt} cannot be used here, by asking it the classes of every thread. */
  private static Optional<String> usable(String chrt) {
    return run(List.of(chrt, "--all-tasks", "--pid", Long.toString(ProcessHandle.current().pid())));
  }

  private static Optional<String> apply(Policy policy, String chrt) {
    List<String> command = List.of(
        chrt, "--all-tasks", policy.option, "--pid", "0", Long.toString(ProcessHandle.current().pid()));
    Optional<String> failure = Optional.empty();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      failure = run(command);
      if (failure.isEmpty() || failure.get().startsWith(chrt + " could not run")) {
        return failure;
      }
    }
    return failure;
  }

  /** The calling thread's class, as sched.h numbers it; empty where proc(5) does not say. */
  static Optional<Integer> ownPolicy() {
    return policyIn(OWN_STAT);
  }

  /** The class in a task's proc(5) stat file; empty where it cannot be read (the task ended). */
  static Optional<Integer> policyIn(Path stat) {
    try {
      String text = Files.readString(stat);
      // the command name, in parentheses, may hold spaces: count the fields after it
      String[] after = text.substring(text.lastIndexOf(')') + 2).split(" ");
      return Optional.of(Integer.parseInt(after[41 - 3]));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /** Runs {@code command}: empty when it succeeded, else why not, in words. */
  static Optional<String> run(List<String> command) {
    String name = command.get(0);
    Process process;
    try {
      // what it prints on success (each thread's class, when asked) is of no use; its errors are
      process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      return Optional.of(name + " could not run: " + e.getMessage());
    }
    try (InputStream said = process.getErrorStream()) {
      process.getOutputStream().close();
      // an error or two: they fit in the pipe, and it ends before they are read
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
