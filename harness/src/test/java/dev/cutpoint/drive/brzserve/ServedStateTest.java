package dev.cutpoint.drive.brzserve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServedStateTest {

  @TempDir Path root;

  @Test
  void readsDirectoriesAndFilesRelativeToTheRoot() throws IOException {
    Files.createDirectories(root.resolve("a/b"));
    Files.write(root.resolve("a/b/f"), new byte[] {1, 2, 3});
    Files.write(root.resolve("top"), new byte[0]);

    ServedState state = ServedState.read(root);

    assertThat(state.directories()).containsExactly("a", "a/b");
    assertThat(state.files().keySet()).containsExactly("a/b/f", "top");
    assertThat(state.file("a/b/f")).contains(new byte[] {1, 2, 3});
    assertThat(state.file("nope")).isEmpty();
  }

  @Test
  void equalStatesHaveEqualContent() {
    ServedState one = state(Set.of("d"), Map.of("f", new byte[] {1}));

    assertThat(one)
        .isEqualTo(state(Set.of("d"), Map.of("f", new byte[] {1})))
        .hasSameHashCodeAs(state(Set.of("d"), Map.of("f", new byte[] {1})))
        .isNotEqualTo(state(Set.of("d"), Map.of("f", new byte[] {2})))
        .isNotEqualTo(state(Set.of(), Map.of("f", new byte[] {1})));
  }

  @Test
  void aHeldLockIsADirectoryInTheBranch() {
    assertThat(state(Set.of("b/.bzr/branch/lock/held"), Map.of()).branchLocked("b")).isTrue();
    assertThat(state(Set.of("b/.bzr/branch/lock"), Map.of()).branchLocked("b")).isFalse();
  }

  private static ServedState state(Set<String> directories, Map<String, byte[]> files) {
    return new ServedState(new TreeSet<>(directories), new TreeMap<>(files));
  }
}
