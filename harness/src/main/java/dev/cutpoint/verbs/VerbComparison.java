package dev.cutpoint.verbs;

import java.util.Objects;
import java.util.Optional;

/**
 * One verb as Breezy's registry and the harness's class it ({@code cutpoint verbs}).
 *
 * @param verb the wire name
 * @param breezy Breezy's class; empty when its registry does not have the verb
 * @param harness the harness's class ({@link Verbs}); empty when the harness does not generate it
 */
public record VerbComparison(String verb, Optional<VerbClass> breezy, Optional<VerbClass> harness) {

  /** How the two tables relate on this verb. */
  public enum Agreement {
    /** Both have it, in the same class. */
    SAME,
    /** Both have it, in different classes: the harness would judge it by the wrong rule. */
    DIFFERENT,
    /** Only Breezy has it: the harness does not generate it. */
    BREEZY_ONLY,
    /** Only the harness has it (the reference server's own {@code insert_stream}). */
    HARNESS_ONLY
  }

  public VerbComparison {
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(breezy, "breezy");
    Objects.requireNonNull(harness, "harness");
    if (breezy.isEmpty() && harness.isEmpty()) {
      throw new IllegalArgumentException(verb + " is in neither table");
    }
  }

  public Agreement agreement() {
    if (harness.isEmpty()) {
      return Agreement.BREEZY_ONLY;
    }
    if (breezy.isEmpty()) {
      return Agreement.HARNESS_ONLY;
    }
    return breezy.get() == harness.get() ? Agreement.SAME : Agreement.DIFFERENT;
  }
}
