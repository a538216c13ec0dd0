package dev.prunebench.linalg.openblas;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps the JVM from exiting while a thread is inside OpenBLAS.
 *
 * <p>Why: on SIGTERM the JVM runs its shutdown hooks and then calls the C library's {@code exit()},
 * which runs the shared libraries' destructors; OpenBLAS's destructor frees its buffers and stops its
 * worker threads. A thread still inside {@code dgemm} at that moment (a {@code --threads-policy jobs}
 * training on a pool thread, or the main thread) then works on freed memory, and the JVM can die
 * with SIGSEGV and an {@code hs_err} file instead of exiting with status 143.
 *
 * <p>How: every backend kernel that calls the library holds the read side of a lock for the call
 * ({@link #enter(int)} … {@link #exit()}; reentrant, a few tens of nanoseconds against kernels of
 * microseconds or more). A shutdown hook takes the write side: it waits until every in-flight call
 * has returned (at most {@link #DRAIN_SECONDS}; the longest single call of a paper-preset run takes a
 * few seconds) and never releases it, so no thread enters the library again before the process is
 * gone; such threads block until the halt. The job threads of {@code ThreadPolicy.JOBS} are daemons,
 * so they never hold the exit up themselves.
 */
final class NativeCallGate {
  /** Upper bound on the wait for in-flight calls at shutdown. */
  static final long DRAIN_SECONDS = 30;

  /** The process's gate, closed by a shutdown hook registered when this class initialises. */
  private static final NativeCallGate PROCESS = new NativeCallGate();

  static {
    try {
      Runtime.getRuntime().addShutdownHook(
          new Thread(() -> PROCESS.close(DRAIN_SECONDS, TimeUnit.SECONDS), "openblas-drain-at-shutdown"));
    } catch (IllegalStateException e) {
      // first library call made while the JVM is already shutting down: nothing left to protect
    }
  }

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  /** A separate gate (tests); the kernels use the process's gate through the static methods. */
  NativeCallGate() {}

  /**
   * Enters the library for one kernel with {@code threads} OpenBLAS threads; pair with
   * {@link #exit()} in a {@code finally}. Blocks forever once the JVM is shutting down.
   */
  static void enter(int threads) {
    PROCESS.acquire();
    try {
      OpenBlasRuntime.useThreads(threads);
    } catch (RuntimeException | Error e) {
      PROCESS.release();
      throw e;
    }
  }

  /** Leaves the library (the matching {@link #enter(int)} returned normally). */
  static void exit() {
    PROCESS.release();
  }

  void acquire() {
    lock.readLock().lock();
  }

  void release() {
    lock.readLock().unlock();
  }

  /**
   * Waits for every in-flight call, then keeps this gate closed for good.
   *
   * @return whether every call had returned within the timeout
   */
  boolean close(long timeout, TimeUnit unit) {
    try {
      if (lock.writeLock().tryLock(timeout, unit)) {
        return true;
      }
      System.err.println("prunebench: an OpenBLAS call was still running " + timeout + " "
          + unit.name().toLowerCase(java.util.Locale.ROOT) + " after shutdown began; exiting anyway");
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
