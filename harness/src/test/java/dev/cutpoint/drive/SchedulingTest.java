package dev.cutpoint.drive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutpoint.drive.Scheduling.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchedulingTest {

  /** The policies of sched.h, as proc(5)'s stat gives them. */
  private static final int SCHED_OTHER = 0;
  private static final int SCHED_BATCH = 3;

  @AfterEach
  void backToNormal() {
    Scheduling.use(Policy.NORMAL);
  }

  @Test
  void theBatchClassTakesEveryThreadOfTheJvmAndThoseStartedLater() throws Exception {
    Scheduling.Outcome outcome = Scheduling.use(Policy.BATCH);

    assertThat(outcome).isEqualTo(new Scheduling.Outcome(true, "batch"));
    assertThat(policies()).as("policy of each thread (task id: policy)")
        .allSatisfy((task, policy) -> assertThat(policy).as("task " + task).isEqualTo(SCHED_BATCH));
    assertThat(policyOfANewThread()).as("inherited from the thread that starts it").isEqualTo(SCHED_BATCH);
  }

  @Test
  void theNormalClassTakesThemBack() throws Exception {
    Scheduling.use(Policy.BATCH);

    assertThat(Scheduling.use(Policy.NORMAL)).isEqualTo(new Scheduling.Outcome(true, "normal"));
    assertThat(policies()).allSatisfy((task, policy) -> assertThat(policy).as("task " + task).isEqualTo(SCHED_OTHER));
    assertThat(policyOfANewThread()).isEqualTo(SCHED_OTHER);
  }

  @Test
  void onlyTheJavaTargetRunsInTheBatchClass() {
    assertThat(Scheduling.forTarget("java")).isEqualTo(Policy.BATCH);
    for (String foreign : List.of("breezy-server", "breezy-client", "breezy", "server-command", "client-command")) {
      assertThat(Scheduling.forTarget(foreign)).as(foreign).isEqualTo(Policy.NORMAL);
    }
  }

  @Test
  void theRunLineSaysEachTargetsClassAndSetsTheFirstOne() throws Exception {
    assertThat(Scheduling.plan(List.of("java"))).isEqualTo("batch");
    assertThat(policies()).allSatisfy((task, policy) -> assertThat(policy).isEqualTo(SCHED_BATCH));
    assertThat(Scheduling.plan(List.of("breezy-client", "breezy"))).isEqualTo("normal");
    assertThat(Scheduling.plan(List.of("java", "breezy-client", "breezy")))
        .isEqualTo("batch on java, normal on breezy-client, breezy");
  }

  @Test
  void aMissingCommandIsSaidInWords() {
    assertThat(Scheduling.run(List.of("cutpoint-no-such-chrt")))
        .hasValueSatisfying(why -> assertThat(why).startsWith("cutpoint-no-such-chrt could not run: "));
  }

  @Test
  void aRefusalIsSaidWithTheCommandsOwnWords() {
    assertThat(Scheduling.run(
            List.of("sh", "-c", "echo 'chrt: failed to set pid 1 policy: Operation not permitted' >&2; exit 1")))
        .contains("sh exited with 1: chrt: failed to set pid 1 policy: Operation not permitted");
    assertThat(Scheduling.run(List.of("true"))).isEmpty();
  }

  private static int policyOfANewThread() throws InterruptedException {
    AtomicInteger seen = new AtomicInteger(-1);
    CountDownLatch looked = new CountDownLatch(1);
    Thread thread = new Thread(() -> {
      try {
        seen.set(policy(Path.of("/proc/thread-self/stat")));
      } catch (IOException e) {
        seen.set(-2);
      } finally {
        looked.countDown();
      }
    });
    thread.start();
    looked.await();
    return seen.get();
  }

  private static Map<String, Integer> policies() throws IOException {
    Map<String, Integer> policies = new TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.toList()) {
        try {
          policies.put(task.getFileName().toString(), policy(task.resolve("stat")));
        } catch (IOException ended) {
          // a thread that ended while we looked has no policy left to check
        }
      }
    }
    return policies;
  }

  /** Field 41 of proc(5)'s stat: the scheduling policy; the command name before it may hold spaces. */
  private static int policy(Path stat) throws IOException {
    String text = Files.readString(stat);
    String[] after = text.substring(text.lastIndexOf(')') + 2).split(" ");
    return Integer.parseInt(after[41 - 3]);
  }
}
