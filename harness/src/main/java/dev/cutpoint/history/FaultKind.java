package dev.cutpoint.history;

/** How the connection is broken (SPEC §5.2), and the Toxiproxy toxic that does it. */
public enum FaultKind {
  /** FIN both ways: {@code limit_data}. */
  CLOSE(true),
  /** RST: {@code reset_peer}. */
  RESET(true),
  /** Bytes stop, nothing closes: {@code timeout} 0, resolved by the client's read timeout. */
  BLACKHOLE(true),
  /** Bytes arrive in small slices: {@code slicer}; every call must succeed first time. */
  SLICE(false),
  /** Bytes arrive late: {@code latency}; every call must succeed first time. */
  LATENCY(false);

  private final boolean fatal;

  FaultKind(boolean fatal) {
    this.fatal = fatal;
  }

  /** Whether this kind kills the connection (as opposed to merely disturbing it). */
  public boolean fatal() {
    return fatal;
  }
}
