package dev.cutpoint.drive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardTest {

  private static final List<String> IDS =
      IntStream.range(0, 600).mapToObj(i -> "java-idem-WRITE-CLOSE-" + i).toList();

  @Test
  void theShardsOfARunHoldEveryCaseExactlyOnce() {
    List<String> together = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      Shard shard = new Shard(i, 3);
      IDS.stream().filter(shard::includes).forEach(together::add);
    }
    assertThat(together).hasSize(IDS.size()).containsExactlyInAnyOrderElementsOf(IDS);
  }

  @Test
  void eachShardGetsAFairPart() {
    for (int i = 1; i <= 3; i++) {
      Shard shard = new Shard(i, 3);
      assertThat(IDS.stream().filter(shard::includes).count()).isBetween(150L, 250L);
    }
  }

  @Test
  void theWholeRunIsOneShardOfOne() {
    assertThat(IDS).allMatch(Shard.ALL::includes);
    assertThat(Shard.parse("1/1")).isEqualTo(Shard.ALL);
  }

  @Test
  void aShardIsReadAsIOverN() {
    assertThat(Shard.parse(" 2/3 ")).isEqualTo(new Shard(2, 3));
    assertThat(Shard.parse("2/3")).hasToString("2/3");
  }

  @Test
  void aBadShardIsRefusedWithWhatAShardLooksLike() {
    assertThatThrownBy(() -> Shard.parse("3")).hasMessageContaining("I/N");
    assertThatThrownBy(() -> Shard.parse("0/3")).hasMessageContaining("I is 1 to N");
    assertThatThrownBy(() -> Shard.parse("4/3")).hasMessageContaining("does not exist");
    assertThatThrownBy(() -> Shard.parse("1/0")).hasMessageContaining("1 to 64");
    assertThatThrownBy(() -> Shard.parse("a/b")).hasMessageContaining("I/N");
  }
}
