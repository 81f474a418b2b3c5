package dev.cutpoint.toxiproxy.embedded.toxic;

/** The arrivals that carry no data. */
public enum Signal implements Arrival {
  /** The stage before this one closed its output: no more data will come (Go's nil chunk). */
  END,
  /** Nothing arrived before the deadline given to {@link ToxicStub#takeWithin}. */
  SILENCE
}
