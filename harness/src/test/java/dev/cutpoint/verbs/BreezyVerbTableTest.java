package dev.cutpoint.verbs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.verbs.VerbComparison.Agreement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Breezy's verb table as a value: a class per verb name, and the comparison with the harness's. */
class BreezyVerbTableTest {

  private final BreezyVerbTable table = BreezyVerbTable.of("3.3.2", Map.of(
      "get", VerbClass.READ,
      "mkdir", VerbClass.IDEM,
      "Repository.insert_stream_1.19", VerbClass.STREAM));

  @Test
  void givesBreezysClassForAnyVerbItHas() {
    assertThat(table.classOf("Repository.insert_stream_1.19")).contains(VerbClass.STREAM);
    assertThat(table.classOf("get")).contains(VerbClass.READ);
    assertThat(table.classOf("no-such-verb")).isEmpty();
    assertThat(table.classes().keySet()).containsExactly("Repository.insert_stream_1.19", "get", "mkdir");
  }

  @Test
  void marksEachVerbAsAlikeDifferentOrKnownToOneSideOnly() {
    List<VerbComparison> rows = table.compareWith(List.of(Verbs.GET, Verbs.MKDIR, Verbs.INSERT_STREAM));

    assertThat(rows).extracting(VerbComparison::verb, VerbComparison::agreement).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Repository.insert_stream_1.19", Agreement.BREEZY_ONLY),
        org.assertj.core.groups.Tuple.tuple("get", Agreement.SAME),
        org.assertj.core.groups.Tuple.tuple("insert_stream", Agreement.HARNESS_ONLY),
        org.assertj.core.groups.Tuple.tuple("mkdir", Agreement.DIFFERENT));
  }

  @Test
  void readsBreezysClassNames() {
    for (VerbClass verbClass : VerbClass.values()) {
      assertThat(VerbClass.ofBreezyName(verbClass.breezyName())).contains(verbClass);
    }
    assertThat(VerbClass.ofBreezyName("READ")).isEmpty();
  }
}
