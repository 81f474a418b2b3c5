package dev.cutpoint.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Writes a run's report: {@code matrix.json}, {@code summary.md} and {@code index.html}, side by side. */
public final class ReportWriter {
  public static final String MATRIX_JSON = "matrix.json";
  public static final String SUMMARY_MD = "summary.md";
  public static final String INDEX_HTML = "index.html";

  private ReportWriter() {}

  /** Where the files went, and the comparison with the baseline when one was given. */
  public record Written(Path matrixJson, Path summary, Path html, Optional<BaselineDiff> diff) {}

  /**
   * Writes the three files into {@code dir}, creating it.
   *
   * @param baseline a {@code matrix.json} of an earlier run to compare with
   * @throws MalformedReportException when the baseline cannot be read as a report
   */
  public static Written write(MatrixReport report, Path dir, Optional<Path> baseline) throws IOException {
    Optional<BaselineDiff> diff = Optional.empty();
    if (baseline.isPresent()) {
      diff = Optional.of(BaselineDiff.between(MatrixJson.read(baseline.get()), report));
    }
    Files.createDirectories(dir);
    Path json = dir.resolve(MATRIX_JSON);
    Path summary = dir.resolve(SUMMARY_MD);
    Path html = dir.resolve(INDEX_HTML);
    MatrixJson.write(report, json);
    Files.writeString(summary, SummaryMarkdown.render(report, diff), StandardCharsets.UTF_8);
    try (Writer out = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
      HtmlReport.write(report, diff, out);
    }
    return new Written(json, summary, html, diff);
  }

  /** Reads a {@code matrix.json} written by {@link #write}. */
  public static MatrixReport read(Path matrixJson) throws IOException {
    return MatrixJson.read(matrixJson);
  }
}
