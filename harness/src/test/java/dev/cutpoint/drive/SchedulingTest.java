package dev.cutpoint.drive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.drive.Scheduling.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulingTest {

  /** The policies of sched.h, as proc(5)'s stat gives them. */
  private static final int SCHED_OTHER = 0;
  private static final int SCHED_BATCH = 3;
  private static final Optional<String> EMBEDDED = Optional.of("embedded");

  @Test
  void theBatchClassTakesEveryThreadOfTheJvmAndThoseStartedMeanwhileAndTheNormalOneComesBack()
      throws Exception {
    assertThat(Scheduling.ownPolicy()).contains(SCHED_OTHER);
    try (Scheduling.Change change = Scheduling.change(Policy.BATCH)) {
      assertThat(change.failure()).isEmpty();
      assertThat(policies()).as("policy of each thread (task id: policy)")
          .allSatisfy((task, policy) -> assertThat(policy).as("task " + task).isEqualTo(SCHED_BATCH));
      assertThat(policyOfANewThread()).as("inherited from the thread that starts it").isEqualTo(SCHED_BATCH);
    }
    assertThat(policies()).allSatisfy((task, policy) -> assertThat(policy).as("task " + task).isEqualTo(SCHED_OTHER));
    assertThat(policyOfANewThread()).isEqualTo(SCHED_OTHER);
  }

  @Test
  void aChangeToTheClassTheJvmHasChangesNothing() {
    try (Scheduling.Change change = Scheduling.change(Policy.NORMAL, "cutpoint-no-such-chrt")) {
      assertThat(change.failure()).as("chrt is not even run").isEmpty();
    }
  }

  @Test
  void withoutChrtTheRunGoesOnInItsClassAndSaysWhy() throws Exception {
    try (Scheduling.Change change = Scheduling.change(Policy.BATCH, "cutpoint-no-such-chrt")) {
      assertThat(change.failure())
          .hasValueSatisfying(why -> assertThat(why).startsWith("cutpoint-no-such-chrt could not run: "));
      assertThat(policies()).allSatisfy((task, policy) -> assertThat(policy).isEqualTo(SCHED_OTHER));
    }
    assertThat(Scheduling.describe(List.of("java"), EMBEDDED, "cutpoint-no-such-chrt"))
        .startsWith("unchanged (cutpoint-no-such-chrt could not run: ");
  }

  @Test
  void aThreadEndingWhileChrtSetsTheClassesIsTriedAgain(@TempDir Path dir) throws Exception {
    // util-linux's chrt fails with ESRCH when a thread it listed ends before it gets to it
    Path calls = dir.resolve("calls");
    Path chrt = dir.resolve("chrt");
    Files.writeString(chrt, "#!/bin/sh\necho x >> '" + calls + "'\n"
        + "[ $(wc -l < '" + calls + "') -gt 2 ] && exit 0\n"
        + "echo 'chrt: failed to set tid 4242 policy: No such process' >&2; exit 1\n");
    assertThat(chrt.toFile().setExecutable(true)).isTrue();

    try (Scheduling.Change change = Scheduling.change(Policy.BATCH, chrt.toString())) {
      assertThat(change.failure()).isEmpty();
      assertThat(Files.readAllLines(calls)).as("two failures, then success").hasSize(3);
    }
    assertThat(Files.readAllLines(calls)).as("and once more to put the class back").hasSize(4);
  }

  @Test
  void onlyTheJavaTargetOnTheEmbeddedToxiproxyRunsInTheBatchClass() {
    assertThat(Scheduling.forTarget("java", EMBEDDED)).isEqualTo(Policy.BATCH);
    assertThat(Scheduling.forTarget("java", Optional.of("/bin/true")))
        .as("a Toxiproxy server binary (any executable stands for one) is a process of its own").isEqualTo(Policy.NORMAL);
    assertThat(Scheduling.forTarget("java", Optional.of("http://127.0.0.1:8474"))).isEqualTo(Policy.NORMAL);
    for (String foreign : List.of("breezy-server", "breezy-client", "breezy", "server-command", "client-command")) {
      assertThat(Scheduling.forTarget(foreign, EMBEDDED)).as(foreign).isEqualTo(Policy.NORMAL);
    }
  }

  @Test
  void theRunLineSaysEachTargetsClassAndChangesNothing() throws Exception {
    assertThat(Scheduling.describe(List.of("java"), EMBEDDED)).isEqualTo("batch");
    assertThat(Scheduling.describe(List.of("breezy-client", "breezy"), EMBEDDED)).isEqualTo("normal");
    assertThat(Scheduling.describe(List.of("java", "breezy-client", "breezy"), EMBEDDED))
        .isEqualTo("batch on java, normal on breezy-client, breezy");
    assertThat(policies()).allSatisfy((task, policy) -> assertThat(policy).isEqualTo(SCHED_OTHER));
  }

  @Test
  void aRefusalIsSaidWithTheCommandsOwnWords() {
    assertThat(Scheduling.run(
            List.of("sh", "-c", "echo 'chrt: failed to set pid 1 policy: Operation not permitted' >&2; exit 1")))
        .contains("sh exited with 1: chrt: failed to set pid 1 policy: Operation not permitted");
    assertThat(Scheduling.run(List.of("sh", "-c", "echo all is well"))).isEmpty();
  }

  private static int policyOfANewThread() throws InterruptedException {
    AtomicInteger seen = new AtomicInteger(-1);
    CountDownLatch looked = new CountDownLatch(1);
    Thread thread = new Thread(() -> {
      seen.set(Scheduling.ownPolicy().orElse(-2));
      looked.countDown();
    });
    thread.start();
    looked.await();
    return seen.get();
  }

  private static Map<String, Integer> policies() throws IOException {
    Map<String, Integer> policies = new TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.toList()) {
        // a thread that ended while we looked has no policy left to check
        Scheduling.policyIn(task.resolve("stat"))
            .ifPresent(policy -> policies.put(task.getFileName().toString(), policy));
      }
    }
    return policies;
  }
}
