package dev.cutpoint.toxiproxy.embedded;

import dev.cutpoint.toxiproxy.embedded.ToxiproxyException.Reason;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Toxiproxy's "host:port" strings: parsing as Go's net.SplitHostPort, printing as Go does. */
public final class Addresses {
  private Addresses() {}

  /** A parsed "host:port"; the host may be empty (":8474"). */
  public record HostPort(String host, int port) {}

  public static HostPort parse(String address) throws ToxiproxyException {
    int colon = address.lastIndexOf(':');
    if (colon < 0) {
      throw bad(address, "missing port in address");
    }
    String host = address.substring(0, colon);
    String portText = address.substring(colon + 1);
    if (host.startsWith("[")) {
      if (!host.endsWith("]")) {
        throw bad(address, "missing ']' in address");
      }
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw bad(address, "too many colons in address");
    }
    try {
      int port = Integer.parseInt(portText);
      if (port < 0 || port > 65535) {
        throw bad(address, "invalid port");
      }
      return new HostPort(host, port);
    } catch (NumberFormatException e) {
      throw bad(address, "unknown port");
    }
  }

  /**
   * Where a proxy listens. An empty host means loopback here (Toxiproxy: every interface): the
   * harness never opens ports beyond the machine unless told to.
   */
  public static InetSocketAddress bindAddress(String listen) throws ToxiproxyException {
    HostPort hp = parse(listen);
    return new InetSocketAddress(
        hp.host().isEmpty() ? InetAddress.getLoopbackAddress() : resolve(listen, hp.host()),
        hp.port());
  }

  /** Where the proxy dials, resolved at each connection as Toxiproxy does. */
  public static InetSocketAddress upstreamAddress(String upstream) throws ToxiproxyException {
    HostPort hp = parse(upstream);
    return new InetSocketAddress(
        hp.host().isEmpty() ? InetAddress.getLoopbackAddress() : resolve(upstream, hp.host()),
        hp.port());
  }

  /** Toxiproxy's comparison form of a listen address (Go's ResolveTCPAddr(..).String()). */
  public static String resolved(String listen) throws ToxiproxyException {
    HostPort hp = parse(listen);
    if (hp.host().isEmpty()) {
      return ":" + hp.port();
    }
    return format(new InetSocketAddress(resolve(listen, hp.host()), hp.port()));
  }

  /** Go's form: "127.0.0.1:80", "[::1]:80", and "[::]:80" for any wildcard. */
  public static String format(InetSocketAddress address) {
    InetAddress ip = address.getAddress();
    if (ip.isAnyLocalAddress()) {
      return "[::]:" + address.getPort();
    }
    if (ip instanceof Inet6Address) {
      return "[" + compress(ip.getAddress()) + "]:" + address.getPort();
    }
    return ip.getHostAddress() + ":" + address.getPort();
  }

  private static InetAddress resolve(String address, String host) throws ToxiproxyException {
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw bad(address, "no such host");
    }
  }

  /** RFC 5952 text of an IPv6 address: the longest run of zero groups (two or more) as "::". */
  private static String compress(byte[] bytes) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }

  private static ToxiproxyException bad(String address, String problem) {
    return ToxiproxyException.of(Reason.BAD_ADDRESS, address + ": " + problem);
  }
}
