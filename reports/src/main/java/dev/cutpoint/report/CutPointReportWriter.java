package dev.cutpoint.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes an enumeration's report: {@code matrix.json} as any run's (its cases are the cut points),
 * {@code cutpoints.json} beside it, {@code summary.md} with the table of cut points after the
 * matrix's, and {@code index.html} with the strips above the heat map.
 */
public final class CutPointReportWriter {

  public static final String CUTPOINTS_JSON = "cutpoints.json";

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new Jdk8Module())
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  private CutPointReportWriter() {}

  /** Where the files went. */
  public record Written(Path matrixJson, Path cutPoints, Path summary, Path html) {}

  public static Written write(MatrixReport report, CutPointMap map, Path dir) throws IOException {
    map.requireCasesIn(report);
    Files.createDirectories(dir);
    Path json = dir.resolve(ReportWriter.MATRIX_JSON);
    Path cutPoints = dir.resolve(CUTPOINTS_JSON);
    Path summary = dir.resolve(ReportWriter.SUMMARY_MD);
    Path html = dir.resolve(ReportWriter.INDEX_HTML);
    MatrixJson.write(report, json);
    MAPPER.writeValue(cutPoints.toFile(), map);
    Files.writeString(summary, SummaryMarkdown.render(report, Optional.empty()) + "\n"
        + CutPointSummary.render(map, report), StandardCharsets.UTF_8);
    try (Writer out = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
      HtmlReport.write(report, Optional.empty(), Optional.of(new CutPointStrips(map, report)), out);
    }
    return new Written(json, cutPoints, summary, html);
  }

  /** Reads a {@code cutpoints.json}. */
  public static CutPointMap read(Path file) throws IOException {
    try {
      return MAPPER.readValue(file.toFile(), CutPointMap.class);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new MalformedReportException(file, e.getOriginalMessage(), e);
    }
  }
}
