package dev.cutpoint.toxiproxy.embedded.toxic;

import java.util.List;
import java.util.Optional;

/**
 * Toxiproxy's toxic registry: the JSON type name, the attribute record, the input buffer; and our
 * two extensions, whose names start with {@code cutpoint_} so that no Toxiproxy toxic can take
 * them, and whose attributes are required.
 */
public enum ToxicType {
  NOOP("noop", NoopToxic.class, 0),
  // latency buffers up to 1024 chunks so that reading goes on while chunks wait (as in Go)
  LATENCY("latency", LatencyToxic.class, 1024),
  BANDWIDTH("bandwidth", BandwidthToxic.class, 0),
  SLOW_CLOSE("slow_close", SlowCloseToxic.class, 0),
  TIMEOUT("timeout", TimeoutToxic.class, 0),
  SLICER("slicer", SlicerToxic.class, 0),
  LIMIT_DATA("limit_data", LimitDataToxic.class, 0),
  RESET_PEER("reset_peer", ResetPeerToxic.class, 0),
  CUTPOINT_RESET_AFTER("cutpoint_reset_after", ResetAfterToxic.class, 0, "bytes"),
  CUTPOINT_BLACKHOLE_AFTER("cutpoint_blackhole_after", BlackHoleAfterToxic.class, 0, "bytes");

  private final String wireName;
  private final Class<? extends Toxic> toxicClass;
  private final int bufferSize;
  private final List<String> requiredAttributes;

  ToxicType(
      String wireName, Class<? extends Toxic> toxicClass, int bufferSize, String... required) {
    this.wireName = wireName;
    this.toxicClass = toxicClass;
    this.bufferSize = bufferSize;
    this.requiredAttributes = List.of(required);
  }

  /**
   * The attributes a new toxic of this type must be given. Toxiproxy's toxics take a missing one
   * as 0; for a cut, 0 is a place, so the extensions want it said.
   */
  public List<String> requiredAttributes() {
    return requiredAttributes;
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
