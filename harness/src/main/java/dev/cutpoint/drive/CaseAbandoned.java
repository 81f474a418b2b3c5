package dev.cutpoint.drive;

/**
 * The harness gave a case up: a call ran past its real-time safety net without the harness knowing
 * why. Never a verdict on the system under test (SPEC §5.4): the case is reported as one the
 * harness could not run.
 */
public final class CaseAbandoned extends RuntimeException {

  public CaseAbandoned(String message) {
    super(message);
  }
}
