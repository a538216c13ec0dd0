package dev.prunebench.util;

import dev.prunebench.linalg.Parallelism;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Where an experiment spends its cores: inside each kernel, or across independent jobs (the
 * trainings of the λ sweep, the lottery retrainings).
 *
 * <p>Why this is a choice: OpenBLAS's worker threads spin while they wait for work. On a quiet
 * machine the second thread speeds the network's batch-64 GEMMs up by about 5 %, but as soon as one
 * other CPU-bound process shares the two cores the spinning threads and the other process take turns
 * at the CPU, and the same {@code nn --preset quick} run went from 29.7 s to 88.6 s (single-threaded
 * kernels: 31.3 s quiet, 34.2 s loaded). Running independent jobs one per core, each with
 * single-threaded kernels, uses both cores without any thread ever waiting for another, so a busy
 * neighbour slows it down only by the share of CPU it takes.
 *
 * <p>Why not a per-call flop threshold (single-threaded below it): the GEMMs that gain from the
 * second thread on a quiet machine (the batch-64 products, 64 x 784 x 256 ≈ 26 Mflop) are the same
 * ones that collapse when the machine is busy, so no threshold on the size separates the two cases;
 * and OpenBLAS already keeps small products on one thread by its own threshold. Measured on a shared
 * machine (load average 13-27), a shortened {@code nn --preset quick} took 133-339 s under
 * {@link #KERNELS} (its spinning threads burnt 5x the CPU time), 23-56 s under {@link #JOBS} and
 * 16-57 s under {@link #SINGLE}; the full quick preset on a nearly idle machine took 17 s under
 * {@link #JOBS} and 42 s under {@link #SINGLE} (same CPU time), so {@link #JOBS} is {@code nn}'s
 * default (the README has the table).
 *
 * <p>Determinism: {@link #map(int, IntFunction)} returns the jobs' results in index order whatever
 * order they finished in, and every job takes its seeds from its index, never from a shared
 * generator; so a report is byte-identical under every policy (checked by {@code ThreadPolicyTest}
 * and {@code SameSeedSameBytesTest}).
 */
public enum ThreadPolicy {
  /** One job at a time; each kernel uses every core the library can ({@link Parallelism#ALL_CORES}). */
  KERNELS,
  /** Independent jobs run concurrently, one per available core, each on single-threaded kernels. */
  JOBS,
  /** One job at a time on single-threaded kernels: one core in all, the baseline for the other two. */
  SINGLE;

  /** The parallelism of the backend the jobs share. */
  public Parallelism kernelParallelism() {
    return this == KERNELS ? Parallelism.ALL_CORES : Parallelism.SINGLE;
  }

  /** How many jobs run at once: the available processors for {@link #JOBS}, else 1. */
  public int workers() {
    return this == JOBS ? Runtime.getRuntime().availableProcessors() : 1;
  }

  /** The lower-case name users type ({@code --threads-policy jobs}). */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The policy of an experiment that runs one job at a time on a backend of this parallelism. */
  public static ThreadPolicy oneJobAtATime(Parallelism parallelism) {
    return parallelism == Parallelism.ALL_CORES ? KERNELS : SINGLE;
  }

  /** One line for a report: the policy, the jobs at once and the kernels' threading. */
  public String describe() {
    return switch (this) {
      case KERNELS -> "kernels: one job at a time, multi-threaded kernels (all cores)";
      case JOBS -> "jobs: " + workers() + " independent jobs at once (one per core), single-threaded kernels";
      case SINGLE -> "single: one job at a time, single-threaded kernels";
    };
  }

  /**
   * Runs {@code job.apply(0) … job.apply(n - 1)} under this policy and returns the results in index
   * order. Jobs must be independent: no job may read what another writes. The first failure (in
   * index order) is rethrown after the remaining jobs are cancelled.
   *
   * @param n number of jobs, at least 0
   * @param job the i-th job; called exactly once per index
   */
  public <T> List<T> map(int n, IntFunction<T> job) {
    return map(workers(), n, job);
  }

  /** {@link #map(int, IntFunction)} on exactly {@code workers} threads (1: on the caller). */
  static <T> List<T> map(int workers, int n, IntFunction<T> job) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
    if (n < 0) {
      throw new IllegalArgumentException("n must be at least 0, got " + n);
    }
    int threads = Math.min(workers, n);
    List<T> out = new ArrayList<>(n);
    if (threads <= 1) {
      for (int i = 0; i < n; i++) {
        out.add(job.apply(i));
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
    try {
      List<Future<T>> futures = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(pool.submit(() -> job.apply(index)));
      }
      for (Future<T> f : futures) {
        out.add(await(f));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a job", e);
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "prunebench-job-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
