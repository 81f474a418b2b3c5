package dev.cutpoint.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real brz commands' results, written beside a run's report, become a section of its summary and page. */
class CommandsSectionTest {

  @TempDir Path dir;

  @Test
  void aReportBesideCommandsJsonShowsEachCommandInTheSummaryAndThePage() throws IOException {
    Files.writeString(dir.resolve(ReportWriter.COMMANDS_JSON), CommandsMarkdownTest.RUN);

    ReportWriter.Written written = ReportWriter.write(SampleReports.small(), dir, Optional.empty());

    assertThat(Files.readString(written.summary()))
        .contains("## Real brz commands under the knife", "### push-more",
            "| 1 | `Branch.lock_write` | semi | 92 | 95 | 1 | ! | — | — | — | e |");
    String html = Files.readString(written.html());
    assertThat(html).contains("<h2>Real brz commands under the knife</h2>", "<h3>push-more</h3>",
        "<code>Branch.lock_write</code>", "class=\"new\"", "reviewed finding reviewed-id");
  }

  @Test
  void aReportWithoutCommandsHasNoSuchSection() throws IOException {
    ReportWriter.Written written = ReportWriter.write(SampleReports.small(), dir, Optional.empty());

    assertThat(Files.readString(written.summary())).doesNotContain("Real brz commands");
    assertThat(Files.readString(written.html())).doesNotContain("Real brz commands");
  }

  @Test
  void aDamagedCommandsJsonIsOneLineNamingTheFile() throws IOException {
    Files.writeString(dir.resolve(ReportWriter.COMMANDS_JSON), "{not json");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportWriter.write(SampleReports.small(), dir, Optional.empty()))
        .isInstanceOf(MalformedReportException.class).hasMessageContaining("commands.json").hasMessageContaining("not JSON");
  }
}
