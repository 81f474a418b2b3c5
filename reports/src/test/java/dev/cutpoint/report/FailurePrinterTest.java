package dev.cutpoint.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FailurePrinterTest {
  private static final String NL = System.lineSeparator();

  @Test
  void aViolationIsItsInvariantThreeLinesAndTheReplayCommand() {
    MatrixReport report = SampleReports.small();
    CaseRecord c = report.cases().get(3);
    assertThat(FailurePrinter.describe(c, c.verdict().violations().get(0))).isEqualTo(String.join(NL,
        "VIOLATION I2 At most once — case java-3 (java · mutate × READ/CLOSE, seed 1004) — reproduced 2/3",
        "  I2 At most once (#1): append executed twice: journal entries 2 and 3",
        "  requests: #0 put(\"a/x\", \"\") [16 B] · #1 append(\"a/log\", \"\") [24 B]",
        "  fault:    CLOSE in READ of #1: cut after response byte 0 of 19",
        "  client:   #1 attempt 1 on conn 1 failed on read (ConnectionLost(mayHaveExecuted=true)) → resend"
            + " → attempt 2 on conn 2 ok: oS(\"appended\", \"48\") → after resend",
        "  replay:   ./cutpoint replay reports/target/fault-matrix/cases/java-3.json",
        ""));
  }

  @Test
  void printsOnlyNewFindingsAndCountsTheExpectedOnes() {
    MatrixReport report = SampleReports.realistic(4);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int fresh = FailurePrinter.printNew(new PrintStream(bytes, true, StandardCharsets.UTF_8), report);
    String printed = bytes.toString(StandardCharsets.UTF_8);
    long expected = report.violationCount().expected();
    assertThat(fresh).isEqualTo(report.newFindings().size()).isPositive();
    assertThat(printed.split("(?m)^VIOLATION ", -1)).hasSize(fresh + 1);
    assertThat(printed).doesNotContain("breezy-server ·")
        .endsWith(expected + " violating cases that reviewed expectations cover not shown; see summary.md" + NL);
  }

  @Test
  void anExpectedFindingSaysWhichExpectationCoversIt() {
    Finding expected = SampleReports.realistic(4).findings().stream().filter(f -> !f.isNew()).findFirst().orElseThrow();
    assertThat(FailurePrinter.describe(expected))
        .startsWith("EXPECTED VIOLATION (brz-serve-mkdir-twice) I2 At most once — case breezy-server-");
  }
}
