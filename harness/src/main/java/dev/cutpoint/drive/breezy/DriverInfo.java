package dev.cutpoint.drive.breezy;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Who answers: what a driver-protocol client says of itself in its {@code hello} reply
 * (docs/driver-protocol.md).
 *
 * @param protocol the protocol version it speaks ({@link #PROTOCOL} is the only one the harness
 *     knows)
 * @param client its name and version, e.g. {@code breezy/3.3.2}: what scenarios record as the
 *     client
 * @param headers the v3 headers it puts in every request, e.g. {@code Software version: 3.3.2}:
 *     with them the harness computes the exact bytes of each request
 * @param pid its process id
 */
public record DriverInfo(int protocol, String client, Map<String, String> headers, long pid) {

  /** The driver protocol version this harness speaks. */
  public static final int PROTOCOL = 1;

  public DriverInfo {
    Objects.requireNonNull(client, "client");
    headers = java.util.Collections.unmodifiableMap(new TreeMap<>(headers));
  }

  /** The same client: everything but the process id agrees. */
  boolean sameClientAs(DriverInfo other) {
    return protocol == other.protocol && client.equals(other.client) && headers.equals(other.headers);
  }
}
