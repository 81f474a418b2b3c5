package dev.cutpoint.server;

import dev.cutpoint.history.Journal;
import dev.cutpoint.history.JournalEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the server executed, in order (SPEC §3.3): for every request whose terminal {@code e}
 * arrived, the connection, the verb, the hash ({@link dev.cutpoint.history.Digest}) of the request's bytes and the response. The
 * oracle reads it to know what ran. Thread-safe; {@link #snapshot()} is an immutable copy.
 */
public final class ServerJournal {

  private final List<JournalEntry> entries = new ArrayList<>();

  synchronized void record(String connectionId, String verb, String requestHash, dev.cutpoint.history.Reply result) {
    entries.add(new JournalEntry(entries.size(), connectionId, verb, requestHash, result));
    notifyAll();
  }

  /**
   * Blocks until the journal holds at least {@code count} entries: the harness's evidence that a
   * request it sent has run (SPEC §5.4).
   *
   * @param safetyNet the longest real time to block: a bound against a harness defect
   * @return whether it does
   */
  public synchronized boolean awaitSize(int count, Duration safetyNet) throws InterruptedException {
    long deadline = System.nanoTime() + safetyNet.toNanos();
    while (entries.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  public synchronized Journal snapshot() {
    return new Journal(List.copyOf(entries));
  }

  public synchronized int size() {
    return entries.size();
  }

  /** Forgets every entry: between the cases of one run against one server. */
  public synchronized void clear() {
    entries.clear();
  }
}
