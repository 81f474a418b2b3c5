/**
 * Real {@code brz} commands under the knife (issue 11, SPEC §13): {@code branch}, {@code push},
 * {@code pull}, {@code commit} in a bound checkout, {@code log} and {@code cat}, run as a user runs
 * them against {@code brz serve --allow-writes} through the proxy. A Breezy plugin
 * ({@code cutpoint_gate}, on {@code BRZ_PLUGIN_PATH}) holds the command before each smart-protocol
 * call and each new connection, so the {@link dev.cutpoint.fault.Nemesis} arms its one-shot fault
 * at request r exactly as it does for the Python driver; the oracle is the user's
 * ({@link CommandOracle}).
 */
package dev.cutpoint.drive.commands;
