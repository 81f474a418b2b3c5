package dev.cutpoint.drive.enumeration;

/** Why a cut point did not run; each is counted and printed, none is dropped silently. */
public enum SkipCause {
  /** Inside a body part longer than the stride, between the offsets it keeps. */
  STRIDE,
  /** Left out, evenly, to stay under {@code --max-cases}. */
  MAX_CASES,
  /** The target and its Toxiproxy cannot cut there honestly ({@code Target.applicability}). */
  NOT_EXPRESSIBLE
}
