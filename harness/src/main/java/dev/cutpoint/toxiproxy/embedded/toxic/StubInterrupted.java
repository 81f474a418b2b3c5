package dev.cutpoint.toxiproxy.embedded.toxic;

/**
 * Thrown out of a toxic's {@link Toxic#pipe} when the link asks the stub to stop so that it can
 * rewire the chain (a toxic added, updated or removed) or when the link is torn down. The toxic
 * may pass on data it holds before letting it propagate, as Toxiproxy's toxics do.
 */
public final class StubInterrupted extends Exception {
  private static final long serialVersionUID = 1L;

  static final StubInterrupted INSTANCE = new StubInterrupted();

  private StubInterrupted() {
    // control flow, thrown often: no stack trace
    super("toxic stub interrupted", null, false, false);
  }
}
