package dev.cutpoint.server;

import dev.cutpoint.history.ServerState;
import dev.cutpoint.wire.Message;
import dev.cutpoint.wire.MessageEncoder;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference server's answers to a sequence of requests without a connection: a scratch copy of
 * the server, in memory, that executes each request in turn and measures its encoded response. It
 * is what a case's dry run learns over a socket (each response's length m), for none of a socket's
 * cost. Thread-safe; one sequence at a time.
 */
public final class DryRun {

  private final RequestExecutor executor = new RequestExecutor(new MemoryStore());

  /**
   * Each request's response length, the requests executed in order from {@code initial}.
   *
   * @throws VfsError when the initial state cannot be laid out
   */
  public synchronized List<Long> responseLengths(ServerState initial, List<Message> requests) throws VfsError {
    executor.reset(initial);
    List<Long> lengths = new ArrayList<>();
    for (Message request : requests) {
      lengths.add(MessageEncoder.layout(executor.executeUnjournalled(request)).length());
    }
    return lengths;
  }
}
