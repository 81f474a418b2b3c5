package dev.cutpoint.verbs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerbsTest {

  /** SPEC §3.2's table, column "verbs in the reference server". */
  @Test
  void everyClassHasTheVerbsOfTheSpecTable() {
    assertThat(Verbs.ofClass(VerbClass.READ)).extracting(Verb::name)
        .containsExactly("hello", "get", "has", "stat", "list_dir", "readv");
    assertThat(Verbs.ofClass(VerbClass.IDEM)).extracting(Verb::name).containsExactly("put", "put_non_atomic");
    assertThat(Verbs.ofClass(VerbClass.SEMI)).extracting(Verb::name).containsExactly("Branch.lock_write", "Branch.unlock");
    assertThat(Verbs.ofClass(VerbClass.SEMIVFS)).extracting(Verb::name).containsExactly("mkdir", "rmdir", "delete", "rename");
    assertThat(Verbs.ofClass(VerbClass.MUTATE)).extracting(Verb::name).containsExactly("append");
    assertThat(Verbs.ofClass(VerbClass.STREAM)).extracting(Verb::name).containsExactly("insert_stream");
  }

  @Test
  void onlyInsertStreamIsMissingFromBreezyAndOnlyItHasAStreamBody() {
    assertThat(Verbs.ALL).filteredOn(v -> !v.onBreezy()).extracting(Verb::name).containsExactly("insert_stream");
    assertThat(Verbs.ALL).filteredOn(v -> v.requestBody() == Verb.RequestBody.STREAM).extracting(Verb::name)
        .containsExactly("insert_stream");
    assertThat(Verbs.ALL).filteredOn(v -> v.requestBody() == Verb.RequestBody.BYTES).extracting(Verb::name)
        .containsExactly("readv", "put", "put_non_atomic", "append");
  }

  @Test
  void lookupByWireName() {
    assertThat(Verbs.byName("Branch.lock_write")).contains(Verbs.BRANCH_LOCK_WRITE);
    assertThat(Verbs.byName("nosuchverb")).isEmpty();
    assertThat(Verbs.BRANCH_LOCK_WRITE.acceptsArgumentCount(1)).isTrue();
    assertThat(Verbs.BRANCH_UNLOCK.acceptsArgumentCount(1)).isFalse();
    assertThat(Verbs.ALL).extracting(Verb::name).doesNotHaveDuplicates().hasSize(16);
    assertThat(List.copyOf(Verbs.ALL)).allMatch(v -> v.successArgs().size() >= 1);
  }
}
