package dev.cutpoint.drive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SchedulingTest {

  /** SCHED_BATCH in sched.h. */
  private static final int SCHED_BATCH = 3;

  @Test
  void everyThreadOfTheJvmAndEveryLaterOneIsInTheBatchClass() throws Exception {
    Scheduling.Outcome outcome = Scheduling.batch();

    assertThat(outcome.batch()).as(outcome.description()).isTrue();
    assertThat(outcome.description()).isEqualTo("batch");
    assertThat(policies()).as("policy of each thread (task id: policy)").allSatisfy((task, policy) ->
        assertThat(policy).as("task " + task).isEqualTo(SCHED_BATCH));
    // a thread started afterwards inherits the class of the thread that starts it
    AtomicReference<Integer> later = new AtomicReference<>();
    CountDownLatch looked = new CountDownLatch(1);
    Thread thread = new Thread(() -> {
      try {
        later.set(policy(Path.of("/proc/thread-self/stat")));
      } catch (IOException e) {
        later.set(-1);
      } finally {
        looked.countDown();
      }
    });
    thread.start();
    looked.await();
    assertThat(later.get()).isEqualTo(SCHED_BATCH);
    assertThat(Scheduling.batch()).as("done once per JVM").isSameAs(outcome);
  }

  @Test
  void aMissingChrtLeavesTheRunInTheNormalClassAndSaysWhy() {
    Scheduling.Outcome outcome = Scheduling.moveToBatch(List.of("cutpoint-no-such-chrt"));

    assertThat(outcome.batch()).isFalse();
    assertThat(outcome.description()).startsWith("normal (cutpoint-no-such-chrt could not run: ");
  }

  @Test
  void aRefusalIsReportedWithChrtsOwnWords() {
    Scheduling.Outcome outcome = Scheduling.moveToBatch(
        List.of("sh", "-c", "echo 'chrt: failed to set pid 1 policy: Operation not permitted' >&2; exit 1"));

    assertThat(outcome.batch()).isFalse();
    assertThat(outcome.description())
        .isEqualTo("normal (sh exited with 1: chrt: failed to set pid 1 policy: Operation not permitted)");
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
