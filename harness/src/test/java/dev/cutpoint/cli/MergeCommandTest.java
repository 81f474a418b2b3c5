package dev.cutpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.report.CaseRecord;
import dev.cutpoint.report.MatrixJson;
import dev.cutpoint.report.MatrixReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Three shards of a run, merged, are the run: the same cases, counts and coverage as one machine's. */
class MergeCommandTest {

  @TempDir Path dir;

  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();

  private String lastLine() {
    String[] lines = console.out().strip().split("\n");
    return lines[lines.length - 1];
  }

  private int matrix(String out, String... more) {
    List<String> args = new ArrayList<>(List.of("matrix", "--target", "java", "--tries", "1", "--seed", "9",
        "--confirm", "0", "--no-minimize", "--out", dir.resolve(out).toString()));
    args.addAll(List.of(more));
    return Main.run(args.toArray(String[]::new));
  }

  private MatrixReport report(String out) throws IOException {
    return MatrixJson.read(dir.resolve(out).resolve("matrix.json"));
  }

  private static List<String> caseIds(MatrixReport report) {
    return report.cases().stream().map(CaseRecord::id).sorted().toList();
  }

  @Test
  void threeMergedShardsAreTheUnshardedRun() throws IOException {
    assertThat(matrix("whole")).isZero();
    String wholeLine = lastLine();
    List<String> shardIds = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      console.clear();
      assertThat(matrix("s" + i, "--shard", i + "/3")).as("shard %d/3", i).isZero();
      assertThat(lastLine()).endsWith("shard " + i + "/3 (coverage is the merged report's: cutpoint merge)");
      assertThat(report("s" + i).run().shard()).contains(i + "/3");
      shardIds.addAll(caseIds(report("s" + i)));
    }
    MatrixReport whole = report("whole");
    assertThat(shardIds).as("every case once, in one shard").doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(caseIds(whole));
    console.clear();

    int exit = Main.run("merge", dir.resolve("s1").toString(), dir.resolve("s2").toString(),
        dir.resolve("s3").toString(), "--out", dir.resolve("merged").toString());

    assertThat(exit).isZero();
    assertThat(lastLine()).isEqualTo(wholeLine);
    MatrixReport merged = report("merged");
    assertThat(caseIds(merged)).isEqualTo(caseIds(whole));
    assertThat(merged.run().shard()).isEmpty();
    assertThat(merged.run().seed()).isEqualTo(whole.run().seed());
    assertThat(merged.coverage()).isEqualTo(whole.coverage());
    assertThat(merged.cells()).extracting(c -> c.key().id() + " " + c.counts().total())
        .isEqualTo(whole.cells().stream().map(c -> c.key().id() + " " + c.counts().total()).toList());
    try (Stream<Path> files = Files.list(dir.resolve("merged").resolve("cases"))) {
      assertThat(files.count()).as("every shard's case files, for the replay commands")
          .isEqualTo(whole.cases().size());
    }
  }

  @Test
  void aMissingShardATwiceGivenOneAndAWholeRunAreRefusedInOneLine() throws IOException {
    assertThat(matrix("s1", "--shard", "1/2")).isZero();
    assertThat(matrix("whole")).isZero();
    String s1 = dir.resolve("s1").toString();
    String out = dir.resolve("merged").toString();

    console.clear();
    assertThat(Main.run("merge", s1, "--out", out)).isEqualTo(2);
    assertThat(console.err()).startsWith("cutpoint merge: shard 2/2 is missing");
    console.clear();
    assertThat(Main.run("merge", s1, s1, "--out", out)).isEqualTo(2);
    assertThat(console.err()).startsWith("cutpoint merge: shard 1/2 is given twice");
    console.clear();
    assertThat(Main.run("merge", dir.resolve("whole").toString(), "--out", out)).isEqualTo(2);
    assertThat(console.err()).contains("is not a shard");
    console.clear();
    assertThat(Main.run("merge", dir.resolve("nowhere").toString(), "--out", out)).isEqualTo(2);
    assertThat(console.err().strip()).doesNotContain("\n");
  }

  @Test
  void aBadShardIsRefusedBeforeAnyCase() {
    assertThat(matrix("bad", "--shard", "4/3")).isEqualTo(2);
    assertThat(console.err()).contains("--shard: shard 4 of 3 does not exist");
    assertThat(Files.exists(dir.resolve("bad").resolve("matrix.json"))).isFalse();
  }

  @Test
  void threeMergedShardsOfAnEnumerationAreTheEnumeration() throws IOException {
    Path workload = dir.resolve("workload.json");
    Files.writeString(workload, "[{\"verb\": \"mkdir\", \"args\": [\"e\", \"\"]}, {\"verb\": \"has\", \"args\": [\"e\"]}]");
    assertThat(Main.run("enumerate", "--workload", workload.toString(), "--seed", "4", "--out",
        dir.resolve("whole").toString())).isZero();
    for (int i = 1; i <= 3; i++) {
      console.clear();
      assertThat(Main.run("enumerate", "--workload", workload.toString(), "--seed", "4", "--shard", i + "/3",
          "--out", dir.resolve("s" + i).toString())).as("shard %d/3", i).isZero();
      assertThat(lastLine()).endsWith("shard " + i + "/3 (cutpoint merge joins the shards)");
    }
    console.clear();

    assertThat(Main.run("merge", dir.resolve("s1").toString(), dir.resolve("s2").toString(),
        dir.resolve("s3").toString(), "--out", dir.resolve("merged").toString())).isZero();

    assertThat(caseIds(report("merged"))).isEqualTo(caseIds(report("whole")));
    assertThat(marks("merged")).isEqualTo(marks("whole"));
    assertThat(Files.readString(dir.resolve("merged").resolve("index.html"))).contains("request-0");
  }

  private List<String> marks(String out) throws IOException {
    return dev.cutpoint.report.CutPointReportWriter.read(dir.resolve(out).resolve("cutpoints.json")).marks().stream()
        .map(m -> m.strip() + " " + m.offset() + " " + m.phase() + " " + m.kind() + " " + m.caseId()).sorted().toList();
  }
}
