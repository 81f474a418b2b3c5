package dev.cutpoint.toxiproxy.embedded.toxic;

import java.util.Optional;

/** Toxiproxy's toxic registry: the JSON type name, the attribute record, the input buffer. */
public enum ToxicType {
  NOOP("noop", NoopToxic.class, 0),
  // latency buffers up to 1024 chunks so that reading goes on while chunks wait (as in Go)
  LATENCY("latency", LatencyToxic.class, 1024),
  BANDWIDTH("bandwidth", BandwidthToxic.class, 0),
  SLOW_CLOSE("slow_close", SlowCloseToxic.class, 0),
  TIMEOUT("timeout", TimeoutToxic.class, 0),
  SLICER("slicer", SlicerToxic.class, 0),
  LIMIT_DATA("limit_data", LimitDataToxic.class, 0),
  RESET_PEER("reset_peer", ResetPeerToxic.class, 0);

  private final String wireName;
  private final Class<? extends Toxic> toxicClass;
  private final int bufferSize;

  ToxicType(String wireName, Class<? extends Toxic> toxicClass, int bufferSize) {
    this.wireName = wireName;
    this.toxicClass = toxicClass;
    this.bufferSize = bufferSize;
  }

  public String wireName() {
    return wireName;
  }

  public Class<? extends Toxic> toxicClass() {
    return toxicClass;
  }

  /** Chunks the stub's input holds; 0 is a rendezvous, like Go's unbuffered channel. */
  public int bufferSize() {
    return bufferSize;
  }

  /** The type of this JSON name; Toxiproxy registers "noop" too, so a client may create one. */
  public static Optional<ToxicType> named(String wireName) {
    for (ToxicType t : values()) {
      if (t.wireName.equals(wireName)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
