package dev.cutpoint.toxiproxy.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutpoint.toxiproxy.embedded.Addresses.HostPort;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Toxiproxy's address strings, as Go parses and prints them. */
class AddressesTest {

  @Test
  void parsesHostAndPortAsGoDoes() throws Exception {
    assertThat(Addresses.parse("127.0.0.1:8474")).isEqualTo(new HostPort("127.0.0.1", 8474));
    assertThat(Addresses.parse(":0")).isEqualTo(new HostPort("", 0));
    assertThat(Addresses.parse("[::1]:80")).isEqualTo(new HostPort("::1", 80));
    assertThat(Addresses.parse("localhost:22")).isEqualTo(new HostPort("localhost", 22));
  }

  @Test
  void refusesWhatGoRefuses() {
    for (String bad : new String[] {"localhost", "::1:80", "[::1:80", "host:http", "host:70000"}) {
      assertThatThrownBy(() -> Addresses.parse(bad))
          .isInstanceOfSatisfying(ToxiproxyException.class,
              e -> assertThat(e.reason()).isEqualTo(ToxiproxyException.Reason.BAD_ADDRESS));
    }
  }

  @Test
  void printsAsGoDoes() throws Exception {
    assertThat(Addresses.format(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 5)))
        .isEqualTo("127.0.0.1:5");
    assertThat(Addresses.format(new InetSocketAddress(InetAddress.getByName("::1"), 5))).isEqualTo("[::1]:5");
    assertThat(Addresses.format(new InetSocketAddress(InetAddress.getByName("fe80:0:0:0:1:0:0:2"), 5)))
        .isEqualTo("[fe80::1:0:0:2]:5");
    assertThat(Addresses.format(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 5))).isEqualTo("[::]:5");
    assertThat(Addresses.resolved("localhost:0")).isEqualTo("127.0.0.1:0");
    assertThat(Addresses.resolved(":7")).isEqualTo(":7");
  }
}
