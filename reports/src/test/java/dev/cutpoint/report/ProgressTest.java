package dev.cutpoint.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private void advance(Duration d) {
    clock.addAndGet(d.toNanos());
  }

  @Test
  void aLogGetsAPlainLineEveryInterval() {
    Progress progress = new Progress(100, out, false, Duration.ofSeconds(10), clock::get);
    for (int i = 0; i < 20; i++) {
      advance(Duration.ofMillis(400)); // 8 s for 20 cases
      progress.caseDone(i == 3 ? Outcome.VIOLATION : Outcome.FIRST_TRY);
    }
    assertThat(printed()).isEmpty();
    advance(Duration.ofSeconds(2));
    progress.caseDone(Outcome.AFTER_RESEND);
    assertThat(printed()).isEqualTo(
        "cutpoint: 21/100 cases (21%) · 1 violating case · 2.1 cases/s · about 37.6 s left\n");
    advance(Duration.ofSeconds(1));
    progress.caseDone(Outcome.FIRST_TRY);
    assertThat(printed().lines()).hasSize(1);
  }

  @Test
  void aTerminalGetsOneLineRedrawnInPlace() {
    Progress progress = new Progress(1_000, out, true, Duration.ofSeconds(10), clock::get);
    advance(Duration.ofSeconds(1));
    progress.caseDone(Outcome.VIOLATION);
    advance(Duration.ofMillis(100));
    progress.caseDone(Outcome.VIOLATION); // within the redraw interval: not drawn
    advance(Duration.ofMillis(150));
    progress.caseDone(Outcome.FIRST_TRY);
    assertThat(printed()).isEqualTo(
        "\rcutpoint: 1/1 000 cases (0%) · 1 violating case · 1.0 cases/s · about 16m 39s left"
            + "\rcutpoint: 3/1 000 cases (0%) · 2 violating cases · 2.4 cases/s · about 6m 55s left");
    assertThat(printed()).doesNotContain("\n");
  }

  @Test
  void aShorterLineOverwritesTheEndOfALongerOne() {
    Progress progress = new Progress(2, out, true, Duration.ofSeconds(10), clock::get);
    advance(Duration.ofSeconds(1));
    progress.caseDone(Outcome.FIRST_TRY);
    String longer = "cutpoint: 1/2 cases (50%) · 0 violating cases · 1.0 cases/s · about 1.0 s left";
    assertThat(printed()).isEqualTo("\r" + longer);
    advance(Duration.ofSeconds(1));
    progress.caseDone(Outcome.FIRST_TRY);
    String shorter = "cutpoint: 2/2 cases (100%) · 0 violating cases · 1.0 cases/s · done in 2.0 s";
    assertThat(shorter).hasSizeLessThan(longer.length());
    assertThat(printed()).isEqualTo("\r" + longer + "\r" + shorter + " ".repeat(longer.length() - shorter.length()));
  }

  @Test
  void finishPrintsTheLastLineOnceAndEndsIt() {
    Progress progress = new Progress(3, out, true, Duration.ofSeconds(10), clock::get);
    for (int i = 0; i < 3; i++) {
      advance(Duration.ofMillis(50));
      progress.caseDone(Outcome.FIRST_TRY);
    }
    progress.finish();
    progress.finish();
    assertThat(printed()).isEqualTo("\rcutpoint: 3/3 cases (100%) · 0 violating cases · 20.0 cases/s · done in 150 ms\n");
  }

  @Test
  void beforeAnyCaseTheTimeLeftIsUnknown() {
    Progress progress = new Progress(10, out, false, Duration.ofSeconds(10), clock::get);
    assertThat(progress.line(clock.get())).isEqualTo(
        "cutpoint: 0/10 cases (0%) · 0 violating cases · 0.0 cases/s · time left unknown");
  }
}
