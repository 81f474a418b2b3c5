package dev.cutpoint.drive.breezy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every process and temporary directory the Breezy pieces make, so that none outlives the
 * harness: each is removed when its owner closes, and a single shutdown hook removes whatever is
 * left when the JVM exits, Ctrl-C included (processes first, then the directories they used).
 */
public final class Reaper {

  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
  private static final Set<Path> DIRECTORIES = ConcurrentHashMap.newKeySet();
  /** Set once the shutdown hook runs: what is made after it would outlive the JVM. */
  private static boolean reaping;
  /**
   * What must happen at exit before the processes die: shutdown hooks run in no order, so a run
   * that stops counting cases at Ctrl-C does it here, before a killed process can end a case.
   */
  private static final Set<Runnable> BEFORE_REAPING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(Reaper::reapAll, "cutpoint-breezy-reaper"));
  }

  private Reaper() {}

  /** Starts {@code builder}'s process and keeps it on the list of processes to kill at exit. */
  public static synchronized Process start(ProcessBuilder builder) throws IOException {
    refuseWhileReaping();
    Process process = builder.start();
    LIVE.add(process);
    return process;
  }

  private static void refuseWhileReaping() throws IOException {
    if (reaping) {
      throw new IOException("the harness is shutting down");
    }
  }

  /**
   * Kills {@code process} and its descendants (SIGKILL) and waits up to {@code wait} for them all
   * to be gone: a server started through a shell ({@code --server-command}) is the shell's child,
   * and a lock it held is only seen as dead once that child is.
   *
   * @return whether the process is gone
   */
  public static boolean kill(Process process, Duration wait) {
    List<ProcessHandle> descendants = process.descendants().toList();
    descendants.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    boolean gone = forget(process, wait);
    for (ProcessHandle descendant : descendants) {
      try {
        descendant.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return gone;
      } catch (ExecutionException | TimeoutException e) {
        // one that will not die is the operating system's to reap; the process itself is gone
      }
    }
    return gone;
  }

  /**
   * Waits up to {@code wait} for {@code process} to exit on its own, and kills it if it has not.
   *
   * @return whether it exited on its own
   */
  public static boolean awaitOrKill(Process process, Duration wait) {
    if (waitFor(process, wait)) {
      LIVE.remove(process);
      return true;
    }
    kill(process, wait);
    return false;
  }

  /** The processes started and not yet killed or seen exiting. */
  public static Set<Process> live() {
    return Set.copyOf(LIVE);
  }

  private static boolean forget(Process process, Duration wait) {
    boolean gone = waitFor(process, wait);
    if (gone) {
      LIVE.remove(process);
    }
    return gone;
  }

  private static boolean waitFor(Process process, Duration wait) {
    try {
      return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  /** Creates a temporary directory that is deleted at exit unless {@link #delete}d before. */
  public static synchronized Path temporaryDirectory(String prefix) throws IOException {
    refuseWhileReaping();
    Path directory = Files.createTempDirectory(prefix);
    DIRECTORIES.add(directory);
    return directory;
  }

  /** Deletes a directory made by {@link #temporaryDirectory}. */
  public static void delete(Path directory) throws IOException {
    deleteUnlessGone(directory);
    DIRECTORIES.remove(directory);
  }

  /**
   * Deletes {@code directory}; one that someone else deleted meanwhile is deleted all the same. On
   * Ctrl-C the shutdown hook and a closing worker delete the same directory at once: whichever
   * comes second finds files gone under it, which is no failure.
   */
  private static void deleteUnlessGone(Path directory) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        Trees.delete(directory);
        return;
      } catch (IOException e) {
        if (!Files.exists(directory)) {
          return;
        }
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  /** Runs {@code action} at exit before any process is killed, until {@link #forget} is called. */
  public static void beforeReaping(Runnable action) {
    BEFORE_REAPING.add(action);
  }

  public static void forget(Runnable action) {
    BEFORE_REAPING.remove(action);
  }

  private static void reapAll() {
    synchronized (Reaper.class) {
      reaping = true;
    }
    BEFORE_REAPING.forEach(Runnable::run);
    for (Process process : LIVE) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    for (Process process : LIVE) {
      waitFor(process, Duration.ofSeconds(5));
    }
    for (Path directory : DIRECTORIES) {
      try {
        deleteUnlessGone(directory);
      } catch (IOException e) {
        // the JVM is going away: a directory it cannot delete is all that is left to report
        System.err.println("cutpoint: cannot delete " + directory + ": " + e.getMessage());
      }
    }
  }
}
