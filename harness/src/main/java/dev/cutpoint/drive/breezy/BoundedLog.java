package dev.cutpoint.drive.breezy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The last lines a child process wrote to stderr, at most a fixed number of characters: enough to
 * explain a failure, never an unbounded buffer.
 */
public final class BoundedLog {

  private final int capacity;
  private final StringBuilder text = new StringBuilder();

  public BoundedLog(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive, got " + capacity);
    }
    this.capacity = capacity;
  }

  public synchronized void append(String line) {
    text.append(line).append('\n');
    int excess = text.length() - capacity;
    if (excess > 0) {
      text.delete(0, excess);
    }
  }

  /** What is kept, oldest first. */
  public synchronized String tail() {
    return text.toString();
  }

  /**
   * Copies {@code stream}'s lines into this log (and to {@code onLine}) on a daemon thread until
   * the stream ends, so that a chatty child never blocks on a full pipe.
   */
  public Thread drain(InputStream stream, Consumer<String> onLine, String threadName) {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                  append(line);
                  onLine.accept(line);
                }
              } catch (IOException e) {
                append("(stderr unreadable: " + e.getMessage() + ")");
              }
            },
            threadName);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
