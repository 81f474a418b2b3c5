package dev.cutpoint.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProxyProviderTest {

  @Test
  void theRunLineNamesTheVersionOnce() {
    assertThat(new ProxyProvider("embedded 2.12.0-cutpoint at http://127.0.0.1:40111", "2.12.0-cutpoint").line())
        .isEqualTo("embedded 2.12.0-cutpoint at http://127.0.0.1:40111");
    assertThat(new ProxyProvider("external http://127.0.0.1:8474", "2.9.0").line())
        .isEqualTo("external http://127.0.0.1:8474 2.9.0");
  }
}
