package dev.cutpoint.drive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TargetPoolTest {

  /** A target that only has a name: the pool asks nothing else of it. */
  private static Target named(String name) {
    return (Target) Proxy.newProxyInstance(Target.class.getClassLoader(), new Class<?>[] {Target.class},
        (proxy, method, args) -> {
          if (method.getName().equals("name")) {
            return name;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }

  @Test
  void keepsTheItemsOrderOverEveryWorker() {
    List<Integer> items = IntStream.range(0, 50).boxed().toList();

    List<Integer> squares = TargetPool.map(List.of(named("a"), named("b"), named("c")), items, (t, i) -> i * i);

    assertThat(squares).isEqualTo(items.stream().map(i -> i * i).toList());
  }

  @Test
  void anExceptionInTheWorkIsRethrownAfterEveryWorkerEnded() {
    Set<Thread> workers = ConcurrentHashMap.newKeySet();
    List<Integer> items = IntStream.range(0, 20).boxed().toList();

    assertThatThrownBy(() -> TargetPool.map(List.of(named("a"), named("b")), items, (t, i) -> {
      workers.add(Thread.currentThread());
      if (i == 7) {
        throw new IllegalArgumentException("item seven");
      }
      return i;
    }))
        .isInstanceOf(TargetPool.WorkFailedException.class)
        .hasMessageContaining("item seven")
        .cause().isInstanceOf(IllegalArgumentException.class).hasMessage("item seven");
    assertThat(workers).isNotEmpty().noneMatch(Thread::isAlive);
  }

  @Test
  void anErrorInTheWorkIsRethrownToo() {
    assertThatThrownBy(() -> TargetPool.map(List.of(named("a")), List.of(1), (t, i) -> {
      throw new AssertionError("broken");
    })).isInstanceOf(TargetPool.WorkFailedException.class).hasMessageContaining("a worker on a failed")
        .cause().isInstanceOf(AssertionError.class);
  }

  @Test
  void anInterruptedRunEndsItsWorkersBeforeItReturns() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(2);
    AtomicBoolean workEnded = new AtomicBoolean();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        TargetPool.map(List.of(named("a"), named("b")), List.of(1, 2), (t, i) -> {
          started.countDown();
          try {
            new CountDownLatch(1).await();
          } catch (InterruptedException e) {
            // the pool interrupted this worker: it ends now
          }
          workEnded.set(true);
          return i;
        });
      } catch (RuntimeException e) {
        thrown.set(e);
      }
    });
    caller.start();
    assertThat(started.await(30, TimeUnit.SECONDS)).as("both workers started").isTrue();

    caller.interrupt();
    caller.join(TimeUnit.SECONDS.toMillis(30));

    assertThat(caller.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(IllegalStateException.class).hasMessage("the run was interrupted");
    assertThat(workEnded).isTrue();
  }
}
