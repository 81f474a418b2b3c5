/**
 * The checker: a model of the server ({@link dev.cutpoint.check.VerbModel}) and the {@link
 * dev.cutpoint.check.Oracle}, which judges a recorded case against I1–I8 (SPEC §7) after the run.
 * The oracle first explains the case — which requests ran, how often, in which order — from the
 * journal, or without one from the final state's unique payloads (every run the attempts allow
 * whose final state is the observed one); then each invariant is judged over the explanations:
 * violated when all break it, undecided when only some do.
 */
package dev.cutpoint.check;
