/**
 * The verbs as data: {@link dev.cutpoint.verbs.Verbs} lists each {@link dev.cutpoint.verbs.Verb}
 * with its wire name, its retry class ({@link dev.cutpoint.verbs.VerbClass}) and the shapes of its
 * request and response, as Breezy 3.3.2 has them.
 */
package dev.cutpoint.verbs;
