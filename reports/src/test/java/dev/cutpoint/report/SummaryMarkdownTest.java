package dev.cutpoint.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SummaryMarkdownTest {
  @Test
  void printsTheRunAndCoverageLines() {
    String md = SummaryMarkdown.render(SampleReports.small(), Optional.empty());
    assertThat(md).contains(
        "- **Run:** seed 42 · 2 tries per cell · Toxiproxy embedded 2.12.0-cutpoint · 3m 12s · 4 cases · 0.0 cases/s"
            + " · workers java 8\n",
        "- **Coverage:** 2 of 7 applicable cells covered (≥ 2 cases each); 2 with at least one case; 1 n/a\n",
        "- **Targets:** java; skipped breezy-server (brz not on PATH)\n",
        "- **Violations:** 1 violating case (I2 in 1)\n",
        SummaryMarkdown.LEGEND);
  }

  /** A run with a Breezy of the user's choosing (--breezy PATH) says which one ran. */
  @Test
  void namesBreezysVersionAndWhereItsPackageIs() {
    assertThat(SummaryMarkdown.render(SampleReports.small(), Optional.empty()))
        .contains("- **Versions:** Java 17.0.15 · cutpoint 0.1.0 · Breezy 3.3.2 (/usr/lib/python3/dist-packages/breezy) · ");
  }

  /** The nightly's first night, or any run without --baseline, says so rather than nothing. */
  @Test
  void saysWhenThereWasNoBaseline() {
    assertThat(SummaryMarkdown.render(SampleReports.small(), Optional.empty()))
        .contains("No baseline: this run was compared with no earlier one.");
  }

  @Test
  void printsEachTargetsMatrixAsATable() {
    String md = SummaryMarkdown.render(SampleReports.small(), Optional.empty());
    assertThat(md).contains(String.join("\n",
        "## Target `java`",
        "",
        "| verb class | WRITE/CLOSE | WRITE/RESET | READ/CLOSE | READ/RESET |",
        "|---|---|---|---|---|",
        "| read | 0✓ 2↻ 0✗ 0! | — | — | — |",
        "| mutate | — | — | 0✓ 0↻ 1✗ 1! | n/a |",
        "",
        "Not applicable:",
        "",
        "- reset\\_peer drops the first response chunk only: mutate × READ/RESET",
        ""));
  }

  @Test
  void printsEachCellsMedianCaseTimeBelowItsCounts() {
    String md = SummaryMarkdown.render(SampleReports.small(), Optional.empty());
    // read × WRITE/CLOSE ran in 12 and 9 ms: the lower middle of an even count; mutate × READ/CLOSE in 15 and 40
    assertThat(md).contains(String.join("\n",
        "Median wall time of a case, in ms (dry run, faulted run, probe and verdict):",
        "",
        "| verb class | WRITE/CLOSE | WRITE/RESET | READ/CLOSE | READ/RESET |",
        "|---|---:|---:|---:|---:|",
        "| read | 9 | — | — | — |",
        "| mutate | — | — | 15 | n/a |",
        ""));
  }

  @Test
  void aReportWithoutDurationsHasNoTimeTable() throws Exception {
    MatrixReport small = SampleReports.small();
    MatrixReport untimed = MatrixReport.tally(small.run(), small.axes(),
        java.util.Map.of(new CellKey("java", "mutate", "READ", "RESET"), "n/a"),
        small.cases().stream().map(c -> new CaseRecord(c.id(), c.seed(), c.target(), c.requests(), c.fault(),
            c.calls(), c.outcome(), c.verdict(), c.replay(), Optional.empty())).toList(),
        List.of());
    assertThat(SummaryMarkdown.render(untimed, Optional.empty())).doesNotContain("Median wall time");
  }

  @Test
  void printsEveryViolationWithItsCounterexampleAndReplayCommand() {
    String md = SummaryMarkdown.render(SampleReports.small(), Optional.empty());
    assertThat(md).contains(String.join("\n",
        "### New: I2 At most once — `java-3` (java · mutate × READ/CLOSE) — reproduced 2/3",
        "",
        "I2 At most once (#1): append executed twice: journal entries 2 and 3",
        "",
        "```text",
        "requests: #0 put(\"a/x\", \"\") [16 B] · #1 append(\"a/log\", \"\") [24 B]",
        "fault:    CLOSE in READ of #1: cut after response byte 0 of 19",
        "client:   #1 attempt 1 on conn 1 failed on read (ConnectionLost(mayHaveExecuted=true)) → resend"
            + " → attempt 2 on conn 2 ok: oS(\"appended\", \"48\") → after resend",
        "```",
        "",
        "Replay (case file `reports/target/fault-matrix/cases/java-3.json`):",
        "",
        "```sh",
        "./cutpoint replay reports/target/fault-matrix/cases/java-3.json",
        "```"));
  }

  @Test
  void undecidedCasesShowOnlyWhenThereAreSome() {
    OutcomeCounts counts = new OutcomeCounts(12, 3, 5, 0, 0);
    assertThat(counts.compact()).isEqualTo("12✓ 3↻ 5✗ 0!");
    assertThat(counts.plus(Outcome.UNDECIDED).compact()).isEqualTo("12✓ 3↻ 5✗ 0! 1?");
  }

  @Test
  void expectedFindingsAreToldApartFromNewOnes() {
    String md = SummaryMarkdown.render(SampleReports.realistic(4), Optional.empty());
    assertThat(md).contains("### Expected: I2 At most once — `breezy-server-")
        .contains("Expected by `brz-serve-mkdir-twice`: reviewed 2025-04: Breezy's client resends semivfs verbs")
        .contains("### New: I2 At most once — `java-");
    assertThat(md).contains("| stream | n/a | n/a |");
  }

  @Test
  void textFromACaseCannotBreakTheMarkdown() {
    assertThat(Markdown.text("a|b <img> *x* `y`")).isEqualTo("a\\|b \\<img\\> \\*x\\* \\`y\\`");
    assertThat(Markdown.code("a`b|c")).isEqualTo("``a`b\\|c``");
    assertThat(Markdown.block("text", List.of("```", "x\ny")))
        .isEqualTo("````text\n```\nx y\n````\n");
  }

  @Test
  void aHostileReportStaysPlainMarkdown() {
    String md = SummaryMarkdown.render(SampleReports.hostile(), Optional.empty());
    // outside code (where Markdown shows text as is) every '<' is escaped
    String prose = md.replaceAll("(?s)(`{3,}).*?\\1", "").replaceAll("(`+).*?\\1", "");
    assertThat(prose).contains("- \\<iframe id=pwned-frame\\>: ").doesNotContainPattern("(?<!\\\\)<");
    assertThat(md).contains("| read\\<img src=x id=pwned-img\\> | 0✓ 0↻ 0✗ 1! | n/a |\n");
    assertThat(md).contains("requests: #0 get<x>(\"</script><script>document.documentElemen…\", \"line\\nbreak | `tick`\")\n");
    assertThat(md).contains("```sh\n./cutpoint replay 'cases/it'\\''s $(touch pwned).json'\n```");
  }
}
