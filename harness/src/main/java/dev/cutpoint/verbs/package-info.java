/**
 * The verbs as data: {@link dev.cutpoint.verbs.Verbs} lists each {@link dev.cutpoint.verbs.Verb}
 * with its wire name, its retry class ({@link dev.cutpoint.verbs.VerbClass}) and the shapes of its
 * request and response, as Breezy 3.3.2 has them. {@link dev.cutpoint.verbs.BreezyVerbTable} is
 * Breezy's own table, every verb of its registry with its class, read from a running Breezy; {@link
 * dev.cutpoint.verbs.VerbComparison} sets one verb of each side by side ({@code cutpoint verbs}).
 */
package dev.cutpoint.verbs;
