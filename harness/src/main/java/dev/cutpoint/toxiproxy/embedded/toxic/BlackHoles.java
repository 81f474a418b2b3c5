package dev.cutpoint.toxiproxy.embedded.toxic;

import dev.cutpoint.toxiproxy.BlackHoleMeter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded server's {@link BlackHoleMeter}: each {@link TimeoutToxic} reports what it drops,
 * and only watched toxic names are counted. Shared by every embedded server of the process, so
 * watched names must be unique in it (the harness's carry its proxy's name and a sequence number).
 */
public final class BlackHoles implements BlackHoleMeter {

  public static final BlackHoles INSTANCE = new BlackHoles();

  private final Map<String, Count> watched = new ConcurrentHashMap<>();

  private BlackHoles() {}

  /** Called by a black hole for every chunk it drops. */
  void swallowed(String toxicName, int bytes) {
    Count count = watched.get(toxicName);
    if (count != null) {
      count.add(bytes);
    }
  }

  @Override
  public Swallowed watch(String toxicName) {
    Count count = new Count(toxicName);
    if (watched.putIfAbsent(toxicName, count) != null) {
      throw new IllegalStateException("the black hole " + toxicName + " is already watched");
    }
    return count;
  }

  private final class Count implements Swallowed {
    private final String name;
    private long bytes; // guarded by this

    Count(String name) {
      this.name = name;
    }

    synchronized void add(int more) {
      bytes += more;
      notifyAll();
    }

    @Override
    public synchronized boolean awaitAtLeast(long wanted, Duration safetyNet) throws InterruptedException {
      long deadline = System.nanoTime() + safetyNet.toNanos();
      while (bytes < wanted) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }

    @Override
    public void close() {
      watched.remove(name, this);
    }
  }
}
