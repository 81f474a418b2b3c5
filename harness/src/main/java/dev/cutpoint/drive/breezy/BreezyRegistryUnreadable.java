package dev.cutpoint.drive.breezy;

/** Breezy's request registry could not be read as a verb table the harness understands. */
public final class BreezyRegistryUnreadable extends BreezyException {

  BreezyRegistryUnreadable(String message) {
    super(message);
  }
}
