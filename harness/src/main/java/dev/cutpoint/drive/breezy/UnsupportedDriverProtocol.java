package dev.cutpoint.drive.breezy;

import java.util.OptionalInt;

/**
 * A client answered {@code hello} in a driver protocol version other than the harness's ({@link
 * DriverInfo#PROTOCOL}), or named none: its lines cannot be read safely, so it has been stopped.
 */
public final class UnsupportedDriverProtocol extends DriverFailure {

  private final OptionalInt spoken;

  UnsupportedDriverProtocol(String who, OptionalInt spoken, String driverLog) {
    super(who + " speaks driver protocol "
        + spoken.stream().mapToObj(Integer::toString).findFirst().orElse("(no \"protocol\" in its hello)")
        + ", the harness speaks " + DriverInfo.PROTOCOL + " (docs/driver-protocol.md)", driverLog);
    this.spoken = spoken;
  }

  /** The version the client named, if it named one. */
  public OptionalInt spoken() {
    return spoken;
  }
}
