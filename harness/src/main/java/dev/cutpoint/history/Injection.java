package dev.cutpoint.history;

import java.util.Objects;

/**
 * What the nemesis did: whether the planned fault actually fired (a case whose fault never fired
 * tests nothing: a defect of the harness, not a pass) and the evidence, in words (which toxic,
 * which stream, how many bytes went through).
 */
public record Injection(boolean fired, String evidence) {

  public Injection {
    Objects.requireNonNull(evidence, "evidence");
  }

  public static Injection none() {
    return new Injection(false, "no fault planned");
  }
}
