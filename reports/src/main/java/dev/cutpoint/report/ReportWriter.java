package dev.cutpoint.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
  /** The real brz commands' results, when a run of them wrote into the same directory. */
  public static final String COMMANDS_JSON = "commands.json";

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
    Optional<JsonNode> commands = commands(dir);
    Files.writeString(summary, SummaryMarkdown.render(report, diff)
        + commands.map(c -> "\n" + CommandsMarkdown.render(c).replaceAll("(?m)^(#+) ", "#$1 ")).orElse(""),
        StandardCharsets.UTF_8);
    try (Writer out = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
      HtmlReport.write(report, diff, commands.<PageSection>map(CommandsSection::new), out);
    }
    return new Written(json, summary, html, diff);
  }

  /**
   * The {@code commands.json} beside the report, which the page and the summary show as a section
   * of their own (the fault-matrix profile runs the commands before the matrix, into one directory).
   */
  private static Optional<JsonNode> commands(Path dir) throws IOException {
    Path file = dir.resolve(COMMANDS_JSON);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ObjectMapper().readTree(file.toFile()));
    } catch (JsonProcessingException e) {
      throw new MalformedReportException(file, "not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Reads a {@code matrix.json} written by {@link #write}. */
  public static MatrixReport read(Path matrixJson) throws IOException {
    return MatrixJson.read(matrixJson);
  }
}
