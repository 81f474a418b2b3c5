package dev.cutpoint.toxiproxy.embedded.toxic;

/** Where a stage sends its output: the next stub of the chain or the destination socket. */
public interface Outlet {
  /** Passes a chunk on; may block while the receiver is full (backpressure). */
  void accept(Chunk chunk);

  /** No more chunks will come. */
  void end();
}
