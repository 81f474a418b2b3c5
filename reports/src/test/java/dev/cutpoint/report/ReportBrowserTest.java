package dev.cutpoint.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page in a real browser: its script ran, the heat map and the violations are there. */
class ReportBrowserTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir Path dir;

  @Test
  void screenshotOfARealisticReportIsTaken() throws IOException, InterruptedException {
    MatrixReport report = SampleReports.realistic(20);
    ReportWriter.write(report, dir, Optional.empty());
    Files.createDirectories(SCREENSHOTS);
    Path png = SCREENSHOTS.resolve("report.png");
    Files.deleteIfExists(png);
    Chromium.installed().screenshot(dir.resolve("index.html"), "", png, 1400, 1000);
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
    Chromium.installed().screenshot(dir.resolve("index.html"), "case=java-1012", SCREENSHOTS.resolve("tall.png"), 1400, 4000);
  }
}
