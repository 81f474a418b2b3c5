package dev.cutpoint.toxiproxy.embedded.toxic;

import java.util.Optional;

/**
 * A toxic's attributes (a record) and the one method that moves data through a {@link ToxicStub}.
 * The same toxic value serves every link; per-link state lives on the stub.
 */
public interface Toxic {

  /**
   * Moves chunks from the stub's input to its output until the input ends (then closes the stub)
   * or the stub is interrupted.
   */
  void pipe(ToxicStub stub) throws StubInterrupted;

  /** Per-link state, made when the stub is created (link opened or toxic added). */
  default Optional<Object> newState() {
    return Optional.empty();
  }

  /** Called when the toxic is removed from a live link, before the chain is rewired. */
  default void cleanup(ToxicStub stub) {}
}
