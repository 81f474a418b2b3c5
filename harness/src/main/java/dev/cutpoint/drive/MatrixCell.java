package dev.cutpoint.drive;

import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.Phase;
import dev.cutpoint.verbs.VerbClass;
import java.util.Objects;

/** One cell of the fault matrix (SPEC §6): the faulted request's verb class, the phase, the kind. */
public record MatrixCell(VerbClass verbClass, Phase phase, FaultKind kind) {

  public MatrixCell {
    Objects.requireNonNull(verbClass, "verbClass");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(kind, "kind");
  }

  /** {@code read×WRITE×CLOSE}: stable, used in case ids and seeds. */
  public String id() {
    return verbClass.breezyName() + "-" + phase + "-" + kind;
  }
}
