package dev.cutpoint.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixJsonTest {
  @TempDir Path dir;

  @Test
  void aWrittenReportReadsBackEqual() throws IOException {
    for (MatrixReport report : List.of(SampleReports.small(), SampleReports.realistic(3))) {
      Path file = dir.resolve("matrix.json");
      MatrixJson.write(report, file);
      assertThat(MatrixJson.read(file)).isEqualTo(report);
    }
  }

  @Test
  void theJsonNamesItsSchemaAndSpellsOutEveryField() throws IOException {
    Path file = dir.resolve("matrix.json");
    MatrixJson.write(SampleReports.small(), file);
    String json = Files.readString(file);
    assertThat(json).startsWith("{\n  \"schema\" : \"cutpoint-matrix/3\"");
    assertThat(json)
        .contains("\"startedAt\" : \"2025-05-01T10:00:00Z\"")
        .contains("\"duration\" : \"PT3M12.4S\"")
        .contains("\"FIRST_TRY\" : 0")
        .contains("\"passed\" : false")
        .contains("\"notApplicable\" : null")
        .contains("\"embeddedOnly\" : false")
        .contains("\"notApplicable\" : \"reset_peer drops the first response chunk only\"")
        .contains("\"command\" : \"./cutpoint replay reports/target/fault-matrix/cases/java-3.json\"")
        .contains("\"workers\" : {\n      \"java\" : 8\n    }")
        .contains("\"durationMillis\" : 40")
        .contains("\"confirmation\" : {\n          \"reproduced\" : 2,\n          \"replays\" : 3\n        }");
  }

  /** A schema-2 report written before --breezy PATH recorded where Breezy's package was. */
  @Test
  void aReportWithoutBreezysPathReadsWithNone() throws IOException {
    Path file = dir.resolve("matrix.json");
    MatrixJson.write(SampleReports.small(), file);
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode tree =
        (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(file.toFile());
    tree.put("schema", MatrixReport.SCHEMA_2);
    tree.withArray("cells").forEach(cell -> ((com.fasterxml.jackson.databind.node.ObjectNode) cell).remove("embeddedOnly"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("run").path("versions")).remove("breezyPath");
    assertThat(tree.toString()).doesNotContain("breezyPath");
    json.writeValue(file.toFile(), tree);

    Versions versions = MatrixJson.read(file).run().versions();

    assertThat(versions.breezy()).contains("3.3.2");
    assertThat(versions.breezyPath()).isEmpty();
  }

  /** A report written by the schema-1 writer (before replays and durations), kept as it was written. */
  private Path schema1() throws IOException {
    Path file = dir.resolve("old-matrix.json");
    try (var in = MatrixJsonTest.class.getResourceAsStream("schema-1-small.json")) {
      Files.write(file, in.readAllBytes());
    }
    return file;
  }

  @Test
  void aSchema1ReportReadsAsTheSameRunWithNothingItDidNotRecord() throws IOException {
    MatrixReport small = SampleReports.small();
    MatrixReport old = MatrixJson.read(schema1());

    assertThat(old.schema()).isEqualTo(MatrixReport.SCHEMA);
    assertThat(old.run().workers()).isEmpty();
    assertThat(old.run().seed()).isEqualTo(small.run().seed());
    assertThat(old.cells()).isEqualTo(small.cells());
    assertThat(old.cases()).extracting(CaseRecord::id).isEqualTo(small.cases().stream().map(CaseRecord::id).toList());
    assertThat(old.cases()).allSatisfy(c -> {
      assertThat(c.durationMillis()).isEmpty();
      assertThat(c.verdict().violations()).allSatisfy(v -> assertThat(v.confirmation()).isEmpty());
    });
    assertThat(old.cases().get(3).verdict().violations().get(0).evidence())
        .isEqualTo("append executed twice: journal entries 2 and 3");
    assertThat(old.medianMillis()).isEmpty();
  }

  @Test
  void aSchema1BaselineIsComparedWithThisRun() throws IOException {
    ReportWriter.Written written = ReportWriter.write(SampleReports.small(), dir.resolve("now"), java.util.Optional.of(schema1()));

    assertThat(written.diff()).hasValueSatisfying(diff -> assertThat(diff.noChange()).isTrue());
    assertThat(Files.readString(written.summary())).contains("No change.");
  }

  @Test
  void aSchema1FileCarryingAFieldOfSchema2IsRefused() throws IOException {
    Path file = schema1();
    Files.writeString(file, Files.readString(file).replace("\"id\" : \"java-0\",", "\"id\" : \"java-0\", \"durationMillis\" : 3,"));
    assertThatThrownBy(() -> MatrixJson.read(file))
        .isInstanceOf(MalformedReportException.class)
        .hasMessageEndingWith("at $.cases[0].durationMillis: unknown in cutpoint-matrix/1 (it came with cutpoint-matrix/2)");
  }

  @Test
  void aSchema2ReportReadsWithNoCellMarkedEmbeddedOnly() throws IOException {
    Path file = dir.resolve("matrix.json");
    Files.writeString(file, schema2Json(SampleReports.small()));
    MatrixReport old = MatrixJson.read(file);

    assertThat(old.schema()).isEqualTo(MatrixReport.SCHEMA);
    assertThat(old.cells()).isEqualTo(SampleReports.small().cells());
    assertThat(old.cells()).noneMatch(Cell::embeddedOnly);
  }

  @Test
  void aSchema2FileCarryingAFieldOfSchema3IsRefused() throws IOException {
    Path file = dir.resolve("matrix.json");
    Files.writeString(file, MatrixJson.toJson(SampleReports.small()).replace("cutpoint-matrix/3", "cutpoint-matrix/2"));
    assertThatThrownBy(() -> MatrixJson.read(file))
        .isInstanceOf(MalformedReportException.class)
        .hasMessageEndingWith("at $.cells[0].embeddedOnly: unknown in cutpoint-matrix/2 (it came with cutpoint-matrix/3)");
  }

  @Test
  void aCellMarkedEmbeddedOnlyIsWrittenAndReadSo() throws IOException {
    MatrixReport small = SampleReports.small();
    Cell first = small.cells().stream().filter(Cell::applicable).findFirst().orElseThrow();
    Map<CellKey, String> notApplicable = new java.util.HashMap<>();
    small.cells().forEach(c -> c.notApplicable().ifPresent(reason -> notApplicable.put(c.key(), reason)));
    MatrixReport marked = MatrixReport.tally(small.run(), small.axes(), notApplicable,
        java.util.Set.of(first.key()), small.cases(), small.expectations());
    Path file = dir.resolve("matrix.json");
    MatrixJson.write(marked, file);

    assertThat(MatrixJson.read(file).cells()).filteredOn(Cell::embeddedOnly).extracting(Cell::key)
        .containsExactly(first.key());
  }

  /** The report as the schema-2 writer wrote it: no {@code embeddedOnly}. */
  private static String schema2Json(MatrixReport report) throws IOException {
    return MatrixJson.toJson(report)
        .replace("cutpoint-matrix/3", "cutpoint-matrix/2")
        .replaceAll(",\\s*\"embeddedOnly\" : false", "");
  }

  @Test
  void aSchema2FileWithoutADurationIsDamaged() throws IOException {
    Path file = dir.resolve("matrix.json");
    Files.writeString(file, MatrixJson.toJson(SampleReports.small()).replace(",\n    \"durationMillis\" : 12", ""));
    assertThatThrownBy(() -> MatrixJson.read(file))
        .isInstanceOf(MalformedReportException.class)
        .hasMessageEndingWith("at $.cases[0].durationMillis: missing");
  }

  @Test
  void anotherSchemaIsRefusedByName() throws IOException {
    Path file = dir.resolve("matrix.json");
    Files.writeString(file, MatrixJson.toJson(SampleReports.small())
        .replace("cutpoint-matrix/3", "cutpoint-matrix/4"));
    assertThatThrownBy(() -> MatrixJson.read(file))
        .isInstanceOfSatisfying(MalformedReportException.class, e -> {
          assertThat(e.file()).isEqualTo(file);
          assertThat(e.problem()).isEqualTo("schema \"cutpoint-matrix/4\" is not supported; this reader knows"
              + " \"cutpoint-matrix/3\", \"cutpoint-matrix/2\" and \"cutpoint-matrix/1\"");
        });
  }

  @Test
  void badFilesGetATypedErrorSayingWhatIsWrong() throws IOException {
    Map<String, String> problems = Map.of(
        "{\"schema\": ", "not JSON",
        "[1, 2]", "not a JSON object",
        "{\"run\": {}}", "no \"schema\" field",
        "{\"schema\": \"cutpoint-matrix/3\"}", "at $.run: missing",
        "{\"schema\": \"cutpoint-matrix/2\"}", "at $.run: missing",
        "{\"schema\": \"cutpoint-matrix/1\"}", "at $.run: missing");
    for (Map.Entry<String, String> bad : problems.entrySet()) {
      Path file = dir.resolve("bad.json");
      Files.writeString(file, bad.getKey());
      assertThatThrownBy(() -> MatrixJson.read(file))
          .as(bad.getKey())
          .isInstanceOf(MalformedReportException.class)
          .hasMessageContaining(bad.getValue());
    }
    assertThatThrownBy(() -> MatrixJson.read(dir.resolve("absent.json")))
        .isInstanceOf(MalformedReportException.class)
        .hasMessageEndingWith("absent.json: no such file");
  }

  @Test
  void aMissingFieldIsNamedWithItsPath() throws IOException {
    Path file = dir.resolve("matrix.json");
    Files.writeString(file, MatrixJson.toJson(SampleReports.small())
        .replace("\"bytesWritten\" : 10,", ""));
    assertThatThrownBy(() -> MatrixJson.read(file))
        .isInstanceOf(MalformedReportException.class)
        .hasMessageEndingWith("at $.cases[0].calls[0].attempts[0].bytesWritten: missing");
  }

  @Test
  void anUnknownFieldIsRefusedButPassedIsReadAsWhatItIs() throws IOException {
    Path file = dir.resolve("matrix.json");
    String json = MatrixJson.toJson(SampleReports.small());
    Files.writeString(file, json.replace("\"triesPerCell\" : 2,", "\"triesPerCell\" : 2, \"tries\" : 3,"));
    assertThatThrownBy(() -> MatrixJson.read(file))
        .isInstanceOf(MalformedReportException.class)
        .hasMessageContaining("at $.run.tries: Unrecognized field \"tries\"");
    // "passed" follows from the violations; a stale value cannot contradict them
    Files.writeString(file, json.replace("\"passed\" : false", "\"passed\" : true"));
    assertThat(MatrixJson.read(file).cases().get(3).verdict().passed()).isFalse();
  }

  @Test
  void countsThatTheCasesDoNotAddUpToAreRefused() throws IOException {
    Path file = dir.resolve("matrix.json");
    String json = MatrixJson.toJson(SampleReports.small());
    // the first cell is read|WRITE|CLOSE with two resent cases
    Files.writeString(file, json.replaceFirst("\"AFTER_RESEND\" : 2", "\"AFTER_RESEND\" : 3"));
    assertThatThrownBy(() -> MatrixJson.read(file))
        .isInstanceOf(MalformedReportException.class)
        .hasMessageContaining("cell java|read|WRITE|CLOSE counts 0✓ 3↻ 0✗ 0! but its cases are 0✓ 2↻ 0✗ 0!");
  }

  @Test
  void jsonForAPageCannotCloseItsScriptElement() throws IOException {
    StringWriter out = new StringWriter();
    MatrixJson.writeForHtml(List.of("</script><script>alert(1)</script>", "<!--", "a & b"), out);
    assertThat(out.toString())
        .doesNotContain("<")
        .doesNotContain(">")
        .doesNotContain("&")
        .isEqualTo("[\"\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E\",\"\\u003C!--\",\"a \\u0026 b\"]");
  }
}
