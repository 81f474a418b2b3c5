package dev.cutpoint.drive.breezy;

/**
 * Holds each new connection of Breezy's client until the harness is ready for it (SPEC §5.3): the
 * nemesis disarms a one-shot fault here, so that the fault hits one connection only. Called on the
 * thread that made the call; the connect proceeds when this returns. An exception thrown here
 * ends the driver and reaches the caller of {@link BreezyClient#call}.
 */
@FunctionalInterface
public interface ConnectionGate {

  /** A gate that lets every connection through at once. */
  ConnectionGate OPEN = pending -> {};

  void beforeConnect(PendingConnect pending);
}
