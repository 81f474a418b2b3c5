/**
 * {@code brz serve} as a server side of the case loop ({@link dev.cutpoint.drive.brzserve.ServedBrz}),
 * and a user's own server started the same way from a command: the process and its restarts
 * ({@link dev.cutpoint.drive.brzserve.BrzServe}), the served tree read back as state ({@link
 * dev.cutpoint.drive.brzserve.ServedState}), and its connections seen in the system's socket table
 * ({@link dev.cutpoint.drive.brzserve.ServerSockets}). Without a journal, the oracle infers what ran
 * from that state.
 */
package dev.cutpoint.drive.brzserve;
