package dev.cutpoint.toxiproxy.embedded.toxic;

/**
 * A toxic as configured on a proxy (Toxiproxy's ToxicWrapper): its name, kind, direction,
 * toxicity (the probability that a stub runs it rather than a noop) and attributes.
 */
public record ToxicDefinition(
    String name, ToxicType type, Direction stream, float toxicity, Toxic toxic) {

  /** The hidden head of every chain. */
  public static final ToxicDefinition NOOP =
      new ToxicDefinition("", ToxicType.NOOP, Direction.DOWNSTREAM, 1f, NoopToxic.INSTANCE);

  public ToxicDefinition {
    if (!type.toxicClass().isInstance(toxic)) {
      throw new IllegalArgumentException(type + " cannot carry " + toxic);
    }
  }

  public ToxicDefinition withToxic(Toxic newToxic, float newToxicity) {
    return new ToxicDefinition(name, type, stream, newToxicity, newToxic);
  }
}
