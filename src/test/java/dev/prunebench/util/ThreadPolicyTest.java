package dev.prunebench.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunebench.linalg.Parallelism;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ThreadPolicyTest {

  @Test
  void resultsComeBackInIndexOrderEvenWhenLaterJobsFinishFirst() {
    // job 0 waits until job 3 has finished, so completion order differs from index order
    CountDownLatch lastDone = new CountDownLatch(1);
    List<Integer> out = ThreadPolicy.map(4, 4, i -> {
      if (i == 0) {
        await(lastDone);
      }
      if (i == 3) {
        lastDone.countDown();
      }
      return i * i;
    });
    assertThat(out).containsExactly(0, 1, 4, 9);
  }

  @Test
  void jobsRunConcurrentlyOnSeveralWorkers() {
    // two jobs that each wait for the other can only both finish if they run at the same time
    CountDownLatch both = new CountDownLatch(2);
    Set<String> threads = ConcurrentHashMap.newKeySet();
    List<Boolean> out = ThreadPolicy.map(2, 2, i -> {
      threads.add(Thread.currentThread().getName());
      both.countDown();
      return await(both);
    });
    assertThat(out).containsExactly(true, true);
    assertThat(threads).hasSize(2).allMatch(n -> n.startsWith("prunebench-job-"));
  }

  @Test
  void oneWorkerRunsEveryJobOnTheCallerInOrder() {
    String caller = Thread.currentThread().getName();
    List<String> out = ThreadPolicy.map(1, 3, i -> i + "@" + Thread.currentThread().getName());
    assertThat(out).containsExactly("0@" + caller, "1@" + caller, "2@" + caller);
  }

  @Test
  void theFirstFailureInIndexOrderIsRethrownUnwrapped() {
    assertThatThrownBy(() -> ThreadPolicy.map(2, 6, i -> {
      if (i == 2 || i == 4) {
        throw new IllegalArgumentException("job " + i);
      }
      return i;
    })).isInstanceOf(IllegalArgumentException.class).hasMessage("job 2");
  }

  @Test
  void everyPolicyComputesTheSameList() {
    for (ThreadPolicy p : ThreadPolicy.values()) {
      assertThat(p.map(50, i -> 3 * i + 1)).as(p.cliName())
          .isEqualTo(IntStream.range(0, 50).map(i -> 3 * i + 1).boxed().toList());
    }
    assertThat(ThreadPolicy.JOBS.map(0, i -> i)).isEmpty();
  }

  @Test
  void onlyKernelsAsksForMultiThreadedKernelsAndOnlyJobsForSeveralWorkers() {
    assertThat(ThreadPolicy.KERNELS.kernelParallelism()).isEqualTo(Parallelism.ALL_CORES);
    assertThat(ThreadPolicy.JOBS.kernelParallelism()).isEqualTo(Parallelism.SINGLE);
    assertThat(ThreadPolicy.SINGLE.kernelParallelism()).isEqualTo(Parallelism.SINGLE);
    assertThat(ThreadPolicy.JOBS.workers()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(ThreadPolicy.KERNELS.workers()).isEqualTo(1);
    assertThat(ThreadPolicy.SINGLE.workers()).isEqualTo(1);
  }

  @Test
  void badCountsAreRefusedByName() {
    assertThatThrownBy(() -> ThreadPolicy.map(0, 3, i -> i)).hasMessageContaining("workers").hasMessageContaining("0");
    assertThatThrownBy(() -> ThreadPolicy.JOBS.map(-1, i -> i)).hasMessageContaining("n must be at least 0, got -1");
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
