package dev.cutpoint.toxiproxy.embedded.toxic;

import java.time.Duration;

/**
 * One position of a link's chain: the reader at the head (Toxiproxy's hidden noop) or a toxic's
 * stub. The link rewires the chain by pausing a stage, moving its output, and running it again.
 */
public interface Stage {
  /**
   * Pauses the stage between two chunks. Returns false when the stage has already closed its
   * output (the link is ending), in which case there is nothing to rewire.
   */
  boolean interrupt();

  /** Runs (or resumes) the stage with this definition; for the head the definition is the noop. */
  void run(ToxicDefinition definition);

  Outlet output();

  /** Only while the stage is paused. */
  void output(Outlet output);

  /**
   * Waits until the stage's work has ended for good (its thread has nothing more to do for this
   * link); false if it has not within the time. For checks that nothing outlives its link.
   */
  boolean awaitFinished(Duration timeout) throws InterruptedException;
}
