/**
 * The reference smart server (SPEC §3.3): {@link dev.cutpoint.server.SmartServer} over a
 * {@link dev.cutpoint.server.Store} (in a directory or in memory), executing a request only after
 * its terminal {@code e}, journalling what ran ({@link dev.cutpoint.server.ServerJournal}),
 * confined to its root, and able to restart gracefully between requests (bug 819604).
 */
package dev.cutpoint.server;
