package dev.cutpoint.drive.breezy;

/**
 * Breezy's client is about to open a connection, and waits until the gate lets it.
 *
 * @param callId the call that needs it
 * @param attempt the attempt of that call (1 for the first sending, 2 for a resend)
 * @param connection the id the connection will have in the {@link AttemptRecord}s
 */
public record PendingConnect(long callId, int attempt, long connection) {}
