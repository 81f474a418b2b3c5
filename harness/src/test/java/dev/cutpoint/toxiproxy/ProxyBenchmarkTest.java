package dev.cutpoint.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark runs end to end on a tiny budget and reports every figure; timing is not judged. */
class ProxyBenchmarkTest {

  @Test
  void measuresEveryFigureAndCleansUpItsProxies() throws Exception {
    try (ToxiproxyProvider toxiproxy = new ToxiproxyChoice.Embedded().open()) {
      ProxyBenchmark.Figures figures =
          ProxyBenchmark.run(toxiproxy, new ProxyBenchmark.Settings(100, 1 << 20, 10, 10));

      assertThat(figures.directRoundTrip().samples()).isEqualTo(100);
      assertThat(figures.proxiedRoundTrip().p50()).isPositive();
      assertThat(figures.directBytesPerSecond()).isPositive();
      assertThat(figures.proxiedBytesPerSecond()).isPositive();
      assertThat(figures.toxicOnLiveLink().samples()).isEqualTo(10);
      assertThat(figures.lines()).hasSize(4).allSatisfy(line -> assertThat(line).doesNotContain("\n"));
      assertThat(toxiproxy.client().getProxies()).isEmpty();
    }
  }
}
