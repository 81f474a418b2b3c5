package dev.cutpoint.verbs;

/**
 * Breezy's retry classes ({@code info=} in {@code breezy/bzr/smart/request.py}), SPEC §3.2.
 * Whether a request may be resent after its response was lost depends on this and nothing else.
 */
public enum VerbClass {
  /** No side effect. */
  READ("read", true),
  /** Same effect when done twice. */
  IDEM("idem", true),
  /** Breezy resends; a second run may answer differently (a lock already held). */
  SEMI("semi", true),
  /** Filesystem changes that fail when repeated. */
  SEMIVFS("semivfs", false),
  /** Not idempotent. */
  MUTATE("mutate", false),
  /** The request body is a non-rewindable stream. */
  STREAM("stream", false);

  private final String breezyName;
  private final boolean resendableAfterRead;

  VerbClass(String breezyName, boolean resendableAfterRead) {
    this.breezyName = breezyName;
    this.resendableAfterRead = resendableAfterRead;
  }

  /** The {@code info=} string Breezy's request registry uses for this class. */
  public String breezyName() {
    return breezyName;
  }

  /** The class Breezy's registry calls {@code info}, e.g. {@code semivfs}; empty for any other word. */
  public static java.util.Optional<VerbClass> ofBreezyName(String info) {
    for (VerbClass verbClass : values()) {
      if (verbClass.breezyName.equals(info)) {
        return java.util.Optional.of(verbClass);
      }
    }
    return java.util.Optional.empty();
  }

  /** Whether a request of this class may be resent once the server may have executed it. */
  public boolean resendableAfterRead() {
    return resendableAfterRead;
  }
}
