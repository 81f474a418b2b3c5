package dev.cutpoint.client;

/** Told of every attempt as it ends, before the next begins; the driver records them. */
@FunctionalInterface
public interface AttemptListener {

  AttemptListener NONE = attempt -> {};

  void attempted(Attempt attempt);
}
