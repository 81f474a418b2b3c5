package dev.cutpoint.check;

/** The oracle's invariants (SPEC §7). */
public enum Invariant {
  I1("No partial execution: a request whose terminal byte did not reach the server is not executed,"
      + " not even in part."),
  I2("At most once: a semivfs, mutate or stream request is executed at most once per call."),
  I3("Safe retry: a read, idem or semi call hit by one transient fault completes, with the result it"
      + " would have had without the fault (a semi call may instead surface the server's error"
      + " response, never a wrong success)."),
  I4("Loud failure: a call that cannot be resent fails with a typed error that says whether the"
      + " request may have executed; never a silent success, never a silent resend."),
  I5("At most one resend per call."),
  I6("Liveness: every call ends within its timeout; the client works for the next call."),
  I7("State: the final server state equals the model applied to exactly the requests that executed."),
  I8("No fault, no retry: without a fault, and under SLICE/LATENCY, every call succeeds on its first"
      + " attempt.");

  private final String claim;

  Invariant(String claim) {
    this.claim = claim;
  }

  /** The invariant as the SPEC states it. */
  public String claim() {
    return claim;
  }
}
