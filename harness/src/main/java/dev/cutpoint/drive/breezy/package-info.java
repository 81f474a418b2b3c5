/**
 * Real Breezy as sides of the one case loop ({@link dev.cutpoint.drive.target}), and users' own
 * servers and clients started the same way. Real Breezy in the fault matrix (SPEC §6): the targets {@code breezy-server} (the reference
 * client against {@code brz serve}), {@code breezy-client} (Breezy's own client, run by the Python
 * driver {@code driver.py}, against the reference server and its journal) and {@code breezy} (both
 * real), all through a proxy of the configured Toxiproxy ({@link
 * dev.cutpoint.drive.breezy.BreezyTargets}, {@link dev.cutpoint.drive.target.ProxiedTarget}).
 *
 * <p>The pieces: {@link dev.cutpoint.drive.brzserve.BrzServe} runs {@code brz serve} (restarts,
 * branches, the served tree); {@link dev.cutpoint.drive.breezy.BreezyClient} drives Breezy's
 * {@code _SmartClient} over JSON lines, every connect gated so that the nemesis can clear a one-shot
 * fault first (SPEC §5.3); {@link dev.cutpoint.drive.breezy.BreezyHistory} records what they saw as
 * history values, reading Breezy's exceptions for I4 with {@link
 * dev.cutpoint.drive.breezy.BreezyErrors}; without a journal the oracle infers what ran from the
 * final tree's unique payloads and the branch locks' tokens.
 *
 * <p>Which Breezy runs is a {@link dev.cutpoint.drive.breezy.BreezyInstallation}: the system's, or
 * the {@code breezy} package in a directory of the user's choosing ({@code --breezy PATH}, {@code
 * cutpoint.breezy}), which every process started here imports. {@link
 * dev.cutpoint.drive.breezy.BreezyRegistry} reads that Breezy's verb table ({@link
 * dev.cutpoint.verbs.BreezyVerbTable}: its class of every verb) from its own request registry.
 *
 * <p>What real Breezy breaks, understood and reviewed, is in {@code expected-findings.json} ({@link
 * dev.cutpoint.drive.breezy.ExpectedFindings}): a matrix run marks those violations expected and
 * fails on any other. {@link dev.cutpoint.drive.breezy.BreezyBug819604} tells bug 819604 with the
 * real client and server.
 */
package dev.cutpoint.drive.breezy;
