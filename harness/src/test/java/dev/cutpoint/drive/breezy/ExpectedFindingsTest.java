package dev.cutpoint.drive.breezy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutpoint.check.Invariant;
import dev.cutpoint.drive.FaultMatrix;
import dev.cutpoint.drive.MatrixCell;
import dev.cutpoint.drive.Targets;
import dev.cutpoint.history.FaultKind;
import dev.cutpoint.history.Phase;
import dev.cutpoint.report.CellKey;
import dev.cutpoint.report.Expectation;
import dev.cutpoint.report.InvariantId;
import dev.cutpoint.verbs.VerbClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpectedFindingsTest {

  /** Where Debian's python3-breezy puts the sources the findings cite. */
  private static final Path DIST_PACKAGES = Path.of("/usr/lib/python3/dist-packages");

  private static final String ONE = """
      {"schema": "cutpoint-expected-findings/1", "findings": [
        {"id": "f", "targets": ["breezy"], "verbClasses": ["read"], "phases": ["READ"], "kinds": ["CLOSE"],
         "invariants": ["I3"], "explanation": "why", "source": ["breezy/bzr/smart/client.py:189-203"],
         "reviewed": "who, when"}]}
      """;

  @Test
  void theReviewedFileSaysForEachFindingWhyAndWhereInBreezy() {
    List<ExpectedFindings.Finding> findings = ExpectedFindings.reviewed().findings();

    assertThat(findings).isNotEmpty().allSatisfy(f -> {
      assertThat(f.explanation()).hasSizeGreaterThan(80);
      assertThat(f.source()).isNotEmpty();
      assertThat(f.targets()).isNotEmpty().allSatisfy(t -> assertThat(t)
          .isIn(java.util.stream.Stream.concat(BreezyTargets.NAMES.stream(),
              java.util.stream.Stream.of(ExpectedFindings.COMMANDS_TARGET)).toList()));
    });
    assertThat(findings).extracting(ExpectedFindings.Finding::id)
        .contains("breezy-resend-window-ends-at-the-response-arguments",
            "brz-serve-runs-body-less-requests-before-their-end",
            "brz-serve-steals-locks-held-through-its-previous-process");
  }

  /** A cited line that the installed Breezy does not have is a stale review. */
  @Test
  void everyCitedLineIsInTheInstalledBreezy() throws IOException {
    InstalledBreezy.require();
    for (ExpectedFindings.Finding finding : ExpectedFindings.reviewed().findings()) {
      for (String place : finding.source()) {
        String[] fileAndLines = place.split(":");
        Path file = DIST_PACKAGES.resolve(fileAndLines[0]);
        String[] lines = fileAndLines[1].split("-");
        int last = Integer.parseInt(lines[lines.length - 1]);
        assertThat(file).as(finding.id()).isRegularFile();
        assertThat(Files.readAllLines(file)).as(finding.id() + " cites " + place).hasSizeGreaterThanOrEqualTo(last);
      }
    }
  }

  @Test
  void aFindingCoversItsTargetsCellsAndInvariantsOnly() {
    ExpectedFindings findings = ExpectedFindings.parse(ONE, "test");
    MatrixCell cell = new MatrixCell(VerbClass.READ, Phase.READ, FaultKind.CLOSE);

    assertThat(findings.covering("breezy", cell, Invariant.I3)).isPresent();
    assertThat(findings.covering("breezy-client", cell, Invariant.I3)).isEmpty();
    assertThat(findings.covering("breezy", cell, Invariant.I6)).isEmpty();
    assertThat(findings.covering("breezy", new MatrixCell(VerbClass.IDEM, Phase.READ, FaultKind.CLOSE), Invariant.I3))
        .isEmpty();
    assertThat(findings.covering("breezy", new MatrixCell(VerbClass.READ, Phase.WRITE, FaultKind.CLOSE), Invariant.I3))
        .isEmpty();
    assertThat(ExpectedFindings.none().covering("breezy", cell, Invariant.I3)).isEmpty();
  }

  /** The report decides "expected" with its own records: it must agree with the matrix everywhere. */
  @Test
  void theReportsExpectationsAgreeWithTheFindingsOnEveryCell() {
    ExpectedFindings reviewed = ExpectedFindings.reviewed();
    List<Expectation> expectations = reviewed.expectations();

    Set<String> ids = new HashSet<>();
    expectations.forEach(e -> assertThat(ids.add(e.id())).as(e.id()).isTrue());
    for (String target : Targets.NAMES) {
      for (MatrixCell cell : FaultMatrix.cells()) {
        CellKey key = new CellKey(target, cell.verbClass().breezyName(), cell.phase().name(), cell.kind().name());
        for (Invariant invariant : Invariant.values()) {
          boolean matrix = reviewed.covering(target, cell, invariant).isPresent();
          boolean report = expectations.stream().anyMatch(e -> e.matches(key, InvariantId.valueOf(invariant.name())));
          assertThat(report).as(key.id() + " " + invariant).isEqualTo(matrix);
        }
      }
    }
  }

  @Test
  void anExpectationSaysWhereInBreezyAndWhoReviewedIt() {
    Expectation expectation = ExpectedFindings.parse(ONE, "test").expectations().get(0);

    assertThat(expectation.id()).isEqualTo("f/breezy/read/READ/CLOSE/I3");
    assertThat(expectation.reason()).contains("why").contains("breezy/bzr/smart/client.py:189-203").contains("who, when");
  }

  @Test
  void aMalformedFileIsATypedErrorNamingTheFindingAndTheField() {
    assertThatThrownBy(() -> ExpectedFindings.parse("{", "x.json"))
        .isInstanceOf(ExpectedFindingsException.class).hasMessageStartingWith("x.json: not JSON");
    assertThatThrownBy(() -> ExpectedFindings.parse(ONE.replace("/1", "/2"), "x.json"))
        .hasMessageContaining("\"schema\" must be");
    assertThatThrownBy(() -> ExpectedFindings.parse(ONE.replace("\"kinds\"", "\"kind\""), "x.json"))
        .hasMessageContaining("finding f: unknown field \"kind\"");
    assertThatThrownBy(() -> ExpectedFindings.parse(ONE.replace("[\"breezy\"]", "[\"bazaar\"]"), "x.json"))
        .hasMessageContaining("finding f: unknown target 'bazaar'");
    assertThatThrownBy(() -> ExpectedFindings.parse(ONE.replace("\"READ\"", "\"LATER\""), "x.json"))
        .hasMessageContaining("\"phases\" has an unknown value 'LATER'");
    assertThatThrownBy(() -> ExpectedFindings.parse(ONE.replace("[\"I3\"]", "[]"), "x.json"))
        .hasMessageContaining("names at least one invariant");
    assertThatThrownBy(() -> ExpectedFindings.parse(ONE.replace("client.py:189-203", "client.py"), "x.json"))
        .hasMessageContaining("is not breezy/…/file.py:line");
    assertThatThrownBy(() -> ExpectedFindings.parse(ONE.replace("\"why\"", "\"\""), "x.json"))
        .hasMessageContaining("\"explanation\" must be a non-empty string");
    String twice = ONE.replace("}]}", "}, " + ONE.substring(ONE.indexOf("{\"id\""), ONE.lastIndexOf("]")) + "]}");
    assertThatThrownBy(() -> ExpectedFindings.parse(twice, "x.json")).hasMessageContaining("finding f appears twice");
  }
}
